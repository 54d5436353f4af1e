/**
 * The demo source: a deterministic, realistic ATS (jobs with pipelines, a hiring team,
 * international candidates, interviews, offers, rejections and real PDF/PNG/text
 * attachments), emitted as the raw upstream webhook events of an initial sync.
 */
import { deflateSync } from 'node:zlib';
import type { SourceItem } from '../types.js';

export interface DemoOptions {
  count: number;
  seed: string | number;
}

export const DEMO_DEFAULT_COUNT = 500;

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;
/** "Now" of the demo ATS: every date is derived from it, never from the clock. */
const NOW = Date.UTC(2026, 10, 25);
const COMPANY = 'Northwind';
const DOMAIN = 'northwind-talent.example';
const FILES_URL = 'https://files.example-ats.test';
const MAX_INTERVIEWS = 4;

// ---------------------------------------------------------------------------------
// Randomness

/** cyrb128: a fast 128-bit string hash, used to seed sfc32. */
function hash128(text: string): [number, number, number, number] {
  let h1 = 1779033703;
  let h2 = 3144134277;
  let h3 = 1013904242;
  let h4 = 2773480762;
  for (let i = 0; i < text.length; i++) {
    const k = text.charCodeAt(i);
    h1 = h2 ^ Math.imul(h1 ^ k, 597399067);
    h2 = h3 ^ Math.imul(h2 ^ k, 2869860233);
    h3 = h4 ^ Math.imul(h3 ^ k, 951274213);
    h4 = h1 ^ Math.imul(h4 ^ k, 2716044179);
  }
  h1 = Math.imul(h3 ^ (h1 >>> 18), 597399067);
  h2 = Math.imul(h4 ^ (h2 >>> 22), 2869860233);
  h3 = Math.imul(h1 ^ (h3 >>> 17), 951274213);
  h4 = Math.imul(h2 ^ (h4 >>> 19), 2716044179);
  h1 ^= h2 ^ h3 ^ h4;
  h2 ^= h1;
  h3 ^= h1;
  h4 ^= h1;
  return [h1 >>> 0, h2 >>> 0, h3 >>> 0, h4 >>> 0];
}

const ID_CHARS = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';

/** sfc32 seeded from a string. */
class Random {
  private a: number;
  private b: number;
  private c: number;
  private d: number;

  constructor(key: string) {
    [this.a, this.b, this.c, this.d] = hash128(key);
    for (let i = 0; i < 12; i++) this.next();
  }

  next(): number {
    const t = (((this.a + this.b) | 0) + this.d) | 0;
    this.d = (this.d + 1) | 0;
    this.a = this.b ^ (this.b >>> 9);
    this.b = (this.c + (this.c << 3)) | 0;
    this.c = (this.c << 21) | (this.c >>> 11);
    this.c = (this.c + t) | 0;
    return (t >>> 0) / 4294967296;
  }

  /** An integer in [min, max]. */
  int(min: number, max: number): number {
    return min + Math.floor(this.next() * (max - min + 1));
  }

  between(min: number, max: number): number {
    return min + this.next() * (max - min);
  }

  chance(p: number): boolean {
    return this.next() < p;
  }

  pick<T>(items: readonly T[]): T {
    return items[Math.floor(this.next() * items.length)] as T;
  }

  weighted<T>(items: readonly (readonly [T, number])[]): T {
    let total = 0;
    for (const [, w] of items) total += w;
    let x = this.next() * total;
    for (const [item, w] of items) {
      x -= w;
      if (x < 0) return item;
    }
    return (items[items.length - 1] as readonly [T, number])[0];
  }

  /** `n` distinct items, in the order they appear in `items`. */
  sample<T>(items: readonly T[], n: number): T[] {
    const chosen = new Set<number>();
    const want = Math.min(n, items.length);
    while (chosen.size < want) chosen.add(Math.floor(this.next() * items.length));
    return [...chosen].sort((x, y) => x - y).map((i) => items[i] as T);
  }

  /** An upstream-style 15-character id. */
  id(length = 15): string {
    let out = '';
    for (let i = 0; i < length; i++) out += ID_CHARS[Math.floor(this.next() * 62)];
    return out;
  }

  digits(n: number): string {
    let out = '';
    for (let i = 0; i < n; i++) out += String(Math.floor(this.next() * 10));
    return out;
  }

  letters(n: number): string {
    let out = '';
    for (let i = 0; i < n; i++) out += ID_CHARS[26 + Math.floor(this.next() * 26)];
    return out;
  }
}

// ---------------------------------------------------------------------------------
// Text helpers

const FOLD: Readonly<Record<string, string>> = {
  ł: 'l', Ł: 'L', đ: 'd', Đ: 'D', ø: 'o', Ø: 'O', æ: 'ae', Æ: 'AE', œ: 'oe', Œ: 'OE', ß: 'ss', ı: 'i', þ: 'th', Þ: 'Th',
};
const GERMAN_FOLD: Readonly<Record<string, string>> = { ä: 'ae', ö: 'oe', ü: 'ue', Ä: 'Ae', Ö: 'Oe', Ü: 'Ue' };

/** Latin letters without diacritics, as people type their names into email addresses. */
function asciiFold(text: string, german = false): string {
  let out = '';
  for (const ch of text) out += (german ? GERMAN_FOLD[ch] : undefined) ?? FOLD[ch] ?? ch;
  return out.normalize('NFD').replace(/[\u0300-\u036f]/g, '');
}

/** Lower-case letters and digits only: for email local parts, handles and slugs. */
function handle(text: string, german = false): string {
  return asciiFold(text, german).toLowerCase().replace(/[^a-z0-9]/g, '');
}

function slug(text: string): string {
  return asciiFold(text).toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '');
}

const TWO_DIGITS = Array.from({ length: 60 }, (_, i) => String(i).padStart(2, '0'));
const DAY_PREFIXES = new Map<number, string>();

/** ISO-8601 UTC to the second, as upstream sends it. Cached by day: it runs ~25 times per application. */
function iso(ms: number): string {
  const seconds = Math.floor(ms / 1000);
  const day = Math.floor(seconds / 86_400);
  let prefix = DAY_PREFIXES.get(day);
  if (prefix === undefined) {
    prefix = new Date(day * DAY).toISOString().slice(0, 11);
    DAY_PREFIXES.set(day, prefix);
  }
  const rest = seconds - day * 86_400;
  return `${prefix}${TWO_DIGITS[Math.floor(rest / 3600)]}:${TWO_DIGITS[Math.floor(rest / 60) % 60]}:${TWO_DIGITS[rest % 60]}Z`;
}

const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

function longDate(ms: number): string {
  const d = new Date(ms);
  return `${d.getUTCDate()} ${MONTHS[d.getUTCMonth()]} ${d.getUTCFullYear()}`;
}

function pad(n: number, width: number): string {
  return String(n).padStart(width, '0');
}

function formatMoney(amount: number, currency: string): string {
  const digits = String(Math.round(amount));
  // Indian grouping (lakh/crore) is what an Indian offer letter shows.
  const grouped =
    currency === 'INR' && digits.length > 3
      ? digits.slice(0, -3).replace(/\B(?=(\d{2})+(?!\d))/g, ',') + ',' + digits.slice(-3)
      : digits.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  return `${currency} ${grouped}`;
}

/** "Engineer who..." -> "an engineer who...", for a summary used inside a sentence. */
function withArticle(phrase: string): string {
  const lowered = /^.[a-z]/.test(phrase) ? phrase[0]?.toLowerCase() + phrase.slice(1) : phrase;
  return `${/^[aeiouAEIOU]/.test(lowered) ? 'an' : 'a'} ${lowered}`;
}

function wrap(text: string, width: number): string[] {
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(' ')) {
    if (line !== '' && line.length + 1 + word.length > width) {
      lines.push(line);
      line = word;
    } else line = line === '' ? word : `${line} ${word}`;
  }
  if (line !== '') lines.push(line);
  return lines;
}

// ---------------------------------------------------------------------------------
// The world: countries, people's names, offices, job families

interface Country {
  name: string;
  phones: readonly string[];
}

/** Phone patterns: `#` a digit, `%` a digit 2-9. US/CA/GB use the ranges reserved for fiction. */
const COUNTRIES = {
  US: { name: 'United States', phones: ['+1 (%##) 555-01##'] },
  CA: { name: 'Canada', phones: ['+1 (%##) 555-01##'] },
  GB: { name: 'United Kingdom', phones: ['+44 7700 900###', '+44 20 7946 0###'] },
  IE: { name: 'Ireland', phones: ['+353 8# ### ####'] },
  AU: { name: 'Australia', phones: ['+61 491 570 ###'] },
  ES: { name: 'Spain', phones: ['+34 6## ### ###', '+34 91# ## ## ##'] },
  MX: { name: 'Mexico', phones: ['+52 55 #### ####', '+52 33 #### ####'] },
  CO: { name: 'Colombia', phones: ['+57 3## ### ####'] },
  AR: { name: 'Argentina', phones: ['+54 9 11 ####-####'] },
  IN: { name: 'India', phones: ['+91 9#### #####', '+91 8#### #####', '+91 7#### #####'] },
  CN: { name: 'China', phones: ['+86 13# #### ####', '+86 18# #### ####'] },
  NG: { name: 'Nigeria', phones: ['+234 803 ### ####', '+234 806 ### ####', '+234 810 ### ####'] },
  DE: { name: 'Germany', phones: ['+49 151 ########', '+49 160 #######', '+49 30 #######'] },
  PL: { name: 'Poland', phones: ['+48 5## ### ###', '+48 6## ### ###'] },
  JP: { name: 'Japan', phones: ['+81 90-####-####', '+81 80-####-####'] },
  BR: { name: 'Brazil', phones: ['+55 11 9####-####', '+55 21 9####-####'] },
  AE: { name: 'United Arab Emirates', phones: ['+971 50 ### ####'] },
  EG: { name: 'Egypt', phones: ['+20 10 #### ####'] },
  JO: { name: 'Jordan', phones: ['+962 7 #### ####'] },
  MA: { name: 'Morocco', phones: ['+212 6##-######'] },
  SA: { name: 'Saudi Arabia', phones: ['+966 5# ### ####'] },
  VN: { name: 'Vietnam', phones: ['+84 9# ### ## ##', '+84 3# ### ## ##'] },
  FR: { name: 'France', phones: ['+33 6 ## ## ## ##', '+33 7 ## ## ## ##'] },
  SE: { name: 'Sweden', phones: ['+46 70 ### ## ##'] },
  DK: { name: 'Denmark', phones: ['+45 ## ## ## ##'] },
  NO: { name: 'Norway', phones: ['+47 4## ## ###'] },
} satisfies Record<string, Country>;
type CountryCode = keyof typeof COUNTRIES;

function phoneNumber(r: Random, country: CountryCode): string {
  const pattern = r.pick(COUNTRIES[country].phones);
  let out = '';
  for (const ch of pattern) out += ch === '#' ? String(r.int(0, 9)) : ch === '%' ? String(r.int(2, 9)) : ch;
  // Plenty of candidates type their number without any spacing.
  return r.chance(0.12) ? out.replace(/[\s()-]/g, '') : out;
}

interface Locale {
  key: string;
  weight: number;
  female: readonly string[];
  male: readonly string[];
  /** `Male/Female` for surnames that inflect; `Latin|Native` where a native script exists. */
  last: readonly string[];
  /** Share of candidates whose name is stored in native script. */
  native?: number;
  /** Share with two surnames (Spanish, Portuguese). */
  twoSurnames?: number;
  /** Share whose name was entered without diacritics. */
  plain?: number;
  german?: boolean;
  cities: readonly (readonly [string, CountryCode])[];
  mail: readonly string[];
  universities: readonly string[];
}

const LOCALES: readonly Locale[] = [
  {
    key: 'en',
    weight: 17,
    female: ['Emily', 'Olivia', 'Charlotte', 'Grace', 'Hannah', 'Zoë', 'Chloe', 'Sarah', 'Megan', 'Abigail', 'Rachel', 'Lauren', 'Amelia', 'Siobhan', 'Niamh'],
    male: ['James', 'Michael', 'Daniel', 'Ethan', 'Samuel', 'Liam', 'Oliver', 'Benjamin', 'Connor', 'Matthew', 'Ryan', 'Nathan', 'Owen', 'Jack', 'Seán'],
    last: ['Smith', 'Johnson', 'Williams', 'Brown', 'Taylor', 'Davies', 'Wilson', 'Evans', 'Thompson', "O'Connor", 'Murphy', 'Walker', 'Clarke', 'Robinson', 'Hughes', 'Bennett', 'Fitzgerald', 'Campbell', 'MacDonald', 'Reyes'],
    cities: [['New York', 'US'], ['San Francisco', 'US'], ['Austin', 'US'], ['Chicago', 'US'], ['Seattle', 'US'], ['Boston', 'US'], ['London', 'GB'], ['Manchester', 'GB'], ['Edinburgh', 'GB'], ['Bristol', 'GB'], ['Toronto', 'CA'], ['Vancouver', 'CA'], ['Dublin', 'IE'], ['Sydney', 'AU'], ['Melbourne', 'AU']],
    mail: ['gmail.com', 'gmail.com', 'outlook.com', 'yahoo.com', 'icloud.com', 'hotmail.co.uk', 'proton.me'],
    universities: ['University of Manchester', 'University of Toronto', 'University of Texas at Austin', 'University College Dublin', 'University of Edinburgh', 'Georgia Institute of Technology'],
  },
  {
    key: 'es',
    weight: 9,
    female: ['María', 'Lucía', 'Sofía', 'Valentina', 'Camila', 'Martina', 'Inés', 'Paula', 'Carmen', 'Daniela', 'Ximena', 'Ana Belén', 'Marisol', 'Elena', 'Alejandra'],
    male: ['José', 'Alejandro', 'Javier', 'Diego', 'Carlos', 'Andrés', 'Pablo', 'Álvaro', 'Mateo', 'Sergio', 'Santiago', 'Juan Pablo', 'Miguel Ángel', 'Raúl', 'Iván'],
    last: ['García', 'Rodríguez', 'Martínez', 'López', 'Hernández', 'González', 'Pérez', 'Sánchez', 'Ramírez', 'Torres', 'Flores', 'Muñoz', 'Jiménez', 'Ortega', 'Castillo', 'Vargas', 'Morales', 'Domínguez', 'Ibáñez', 'Peña'],
    twoSurnames: 0.35,
    cities: [['Madrid', 'ES'], ['Barcelona', 'ES'], ['Valencia', 'ES'], ['Sevilla', 'ES'], ['Málaga', 'ES'], ['Ciudad de México', 'MX'], ['Guadalajara', 'MX'], ['Monterrey', 'MX'], ['Bogotá', 'CO'], ['Medellín', 'CO'], ['Buenos Aires', 'AR'], ['Córdoba', 'AR']],
    mail: ['gmail.com', 'gmail.com', 'hotmail.com', 'outlook.es', 'yahoo.es', 'icloud.com'],
    universities: ['Universidad Complutense de Madrid', 'Universitat Politècnica de Catalunya', 'UNAM', 'Universidad de los Andes', 'Universidad de Buenos Aires'],
  },
  {
    key: 'in',
    weight: 14,
    female: ['Priya', 'Ananya', 'Sneha', 'Kavya', 'Divya', 'Meera', 'Pooja', 'Lakshmi', 'Aishwarya', 'Neha', 'Shreya', 'Deepika', 'Ishita', 'Revathi', 'Nandini'],
    male: ['Aarav', 'Rohan', 'Vikram', 'Arjun', 'Rahul', 'Karthik', 'Siddharth', 'Aditya', 'Rajesh', 'Vivek', 'Sanjay', 'Harish', 'Nikhil', 'Pranav', 'Abhishek'],
    last: ['Sharma', 'Patel', 'Iyer', 'Reddy', 'Nair', 'Gupta', 'Singh', 'Kumar', 'Menon', 'Chatterjee', 'Desai', 'Rao', 'Mehta', 'Krishnan', 'Banerjee', 'Pillai', 'Joshi', 'Agarwal', 'Subramanian', 'Kapoor'],
    cities: [['Bengaluru', 'IN'], ['Mumbai', 'IN'], ['Pune', 'IN'], ['Hyderabad', 'IN'], ['Chennai', 'IN'], ['New Delhi', 'IN'], ['Kolkata', 'IN'], ['Gurugram', 'IN'], ['Kochi', 'IN']],
    mail: ['gmail.com', 'gmail.com', 'gmail.com', 'yahoo.co.in', 'outlook.com', 'rediffmail.com'],
    universities: ['IIT Bombay', 'BITS Pilani', 'Anna University', 'VIT Vellore', 'University of Delhi', 'NIT Trichy'],
  },
  {
    key: 'cn',
    weight: 8,
    female: ['Fang|芳', 'Jing|静', 'Li|丽', 'Yan|艳', 'Xiuying|秀英', 'Min|敏', 'Ting|婷', 'Xin|欣', 'Yue|悦', 'Hui|慧', 'Lan|兰', 'Mei|梅'],
    male: ['Wei|伟', 'Qiang|强', 'Lei|磊', 'Jun|军', 'Yang|洋', 'Hao|浩', 'Yu|宇', 'Jie|杰', 'Tao|涛', 'Ming|明', 'Chao|超', 'Zhihao|志豪'],
    last: ['Wang|王', 'Li|李', 'Zhang|张', 'Liu|刘', 'Chen|陈', 'Yang|杨', 'Huang|黄', 'Zhao|赵', 'Wu|吴', 'Zhou|周', 'Xu|徐', 'Sun|孙', 'Lin|林', 'Guo|郭', 'He|何', 'Ma|马'],
    native: 0.12,
    cities: [['Shanghai', 'CN'], ['Beijing', 'CN'], ['Shenzhen', 'CN'], ['Hangzhou', 'CN'], ['Guangzhou', 'CN'], ['Chengdu', 'CN']],
    mail: ['qq.com', '163.com', 'gmail.com', 'outlook.com'],
    universities: ['Tsinghua University', 'Zhejiang University', 'Fudan University', 'Shanghai Jiao Tong University'],
  },
  {
    key: 'ng',
    weight: 6,
    female: ['Ngozi', 'Adaeze', 'Funmilayo', 'Chiamaka', 'Yetunde', 'Amarachi', 'Folake', 'Ifeoma', 'Aisha', 'Temitope', 'Chioma', 'Blessing', 'Zainab', 'Oluwakemi'],
    male: ['Chinedu', 'Oluwaseun', 'Emeka', 'Tunde', 'Ifeanyi', 'Babajide', 'Olumide', 'Kelechi', 'Chukwuemeka', 'Segun', 'Uche', 'Abubakar', 'Femi', 'Obinna'],
    last: ['Okafor', 'Adeyemi', 'Okonkwo', 'Balogun', 'Eze', 'Nwosu', 'Adebayo', 'Ogunleye', 'Obi', 'Afolabi', 'Chukwu', 'Ibrahim', 'Bello', 'Olawale', 'Nwachukwu', 'Adeleke', 'Usman', 'Okoro'],
    cities: [['Lagos', 'NG'], ['Abuja', 'NG'], ['Ibadan', 'NG'], ['Port Harcourt', 'NG'], ['Enugu', 'NG']],
    mail: ['gmail.com', 'gmail.com', 'yahoo.com', 'outlook.com'],
    universities: ['University of Lagos', 'Obafemi Awolowo University', 'University of Nigeria, Nsukka', 'Covenant University'],
  },
  {
    key: 'de',
    weight: 8,
    female: ['Lena', 'Sophie', 'Anna', 'Hannah', 'Mia', 'Katharina', 'Julia', 'Lea', 'Johanna', 'Marie', 'Franziska', 'Jana', 'Annika', 'Charlotte', 'Lotte'],
    male: ['Jürgen', 'Maximilian', 'Lukas', 'Jonas', 'Felix', 'Tobias', 'Florian', 'Moritz', 'Niklas', 'Sebastian', 'Björn', 'Jörg', 'Matthias', 'Stefan', 'Jan-Philipp'],
    last: ['Müller', 'Schmidt', 'Schneider', 'Fischer', 'Weber', 'Meyer', 'Wagner', 'Becker', 'Schäfer', 'Hoffmann', 'Koch', 'Bauer', 'Richter', 'Klein', 'Wolf', 'Schröder', 'Neumann', 'Zimmermann', 'Krüger', 'Hartmann', 'Groß'],
    german: true,
    cities: [['Berlin', 'DE'], ['München', 'DE'], ['Hamburg', 'DE'], ['Köln', 'DE'], ['Frankfurt am Main', 'DE'], ['Stuttgart', 'DE'], ['Leipzig', 'DE'], ['Düsseldorf', 'DE']],
    mail: ['gmail.com', 'web.de', 'gmx.de', 't-online.de', 'posteo.de', 'outlook.de'],
    universities: ['Technische Universität München', 'RWTH Aachen', 'Humboldt-Universität zu Berlin', 'Universität Hamburg', 'Karlsruher Institut für Technologie'],
  },
  {
    key: 'pl',
    weight: 6,
    female: ['Małgorzata', 'Agnieszka', 'Katarzyna', 'Zofia', 'Joanna', 'Ewa', 'Aleksandra', 'Magdalena', 'Anna', 'Natalia', 'Karolina', 'Marta', 'Dorota', 'Iwona'],
    male: ['Łukasz', 'Krzysztof', 'Paweł', 'Tomasz', 'Michał', 'Wojciech', 'Bartłomiej', 'Piotr', 'Marcin', 'Jakub', 'Mateusz', 'Grzegorz', 'Kamil', 'Jarosław'],
    last: ['Nowak', 'Kowalski/Kowalska', 'Wiśniewski/Wiśniewska', 'Wójcik', 'Kowalczyk', 'Kamiński/Kamińska', 'Lewandowski/Lewandowska', 'Zieliński/Zielińska', 'Szymański/Szymańska', 'Woźniak', 'Dąbrowski/Dąbrowska', 'Kozłowski/Kozłowska', 'Jankowski/Jankowska', 'Mazur', 'Krawczyk', 'Piotrowski/Piotrowska', 'Grabowski/Grabowska', 'Pawłowski/Pawłowska', 'Michalski/Michalska', 'Wróbel'],
    cities: [['Warszawa', 'PL'], ['Kraków', 'PL'], ['Wrocław', 'PL'], ['Gdańsk', 'PL'], ['Poznań', 'PL'], ['Łódź', 'PL']],
    mail: ['gmail.com', 'wp.pl', 'o2.pl', 'onet.pl', 'interia.pl'],
    universities: ['Politechnika Warszawska', 'Uniwersytet Jagielloński', 'Politechnika Wrocławska', 'AGH University of Kraków'],
  },
  {
    key: 'jp',
    weight: 4,
    female: ['Yuki|由紀', 'Akiko|明子', 'Sakura|さくら', 'Yui|結衣', 'Aoi|葵', 'Haruka|遥', 'Misaki|美咲', 'Nanami|七海', 'Emi|恵美', 'Ayaka|彩花'],
    male: ['Hiroshi|浩', 'Takumi|拓海', 'Kenji|健二', 'Ren|蓮', 'Daichi|大地', 'Haruto|陽翔', 'Shota|翔太', 'Kazuki|一輝', 'Yusuke|雄介', 'Kōji|浩二'],
    last: ['Satō|佐藤', 'Suzuki|鈴木', 'Takahashi|高橋', 'Tanaka|田中', 'Watanabe|渡辺', 'Itō|伊藤', 'Yamamoto|山本', 'Nakamura|中村', 'Kobayashi|小林', 'Kato|加藤', 'Yoshida|吉田', 'Yamada|山田', 'Sasaki|佐々木', 'Matsumoto|松本'],
    native: 0.1,
    cities: [['Tokyo', 'JP'], ['Osaka', 'JP'], ['Kyoto', 'JP'], ['Fukuoka', 'JP'], ['Yokohama', 'JP'], ['Sapporo', 'JP']],
    mail: ['gmail.com', 'yahoo.co.jp', 'icloud.com', 'outlook.jp'],
    universities: ['University of Tokyo', 'Kyoto University', 'Keio University', 'Waseda University'],
  },
  {
    key: 'br',
    weight: 7,
    female: ['Ana Luíza', 'Beatriz', 'Júlia', 'Larissa', 'Fernanda', 'Letícia', 'Camila', 'Mariana', 'Gabriela', 'Isabela', 'Luana', 'Thaís', 'Bruna', 'Rafaela'],
    male: ['João', 'Gabriel', 'Lucas', 'Matheus', 'Thiago', 'Rafael', 'Vinícius', 'Felipe', 'Guilherme', 'Gustavo', 'Pedro Henrique', 'Caio', 'Leonardo', 'Rodrigo'],
    last: ['Silva', 'Santos', 'Oliveira', 'Souza', 'Pereira', 'Costa', 'Rodrigues', 'Almeida', 'Nascimento', 'Gonçalves', 'Araújo', 'Ribeiro', 'Carvalho', 'Lima', 'Ferreira', 'Barbosa', 'Rocha', 'Cardoso', 'Monteiro', 'Conceição'],
    twoSurnames: 0.3,
    cities: [['São Paulo', 'BR'], ['Rio de Janeiro', 'BR'], ['Belo Horizonte', 'BR'], ['Curitiba', 'BR'], ['Porto Alegre', 'BR'], ['Recife', 'BR'], ['Florianópolis', 'BR']],
    mail: ['gmail.com', 'gmail.com', 'hotmail.com', 'outlook.com', 'uol.com.br', 'bol.com.br'],
    universities: ['Universidade de São Paulo', 'Unicamp', 'Universidade Federal do Rio de Janeiro', 'Universidade Federal de Minas Gerais'],
  },
  {
    key: 'ar',
    weight: 6,
    female: ['Fatima|فاطمة', 'Layla|ليلى', 'Nour|نور', 'Rania|رانيا', 'Mariam|مريم', 'Salma|سلمى', 'Yasmin|ياسمين', 'Amira|أميرة', 'Dina|دينا', 'Reem|ريم', 'Lina|لينا'],
    male: ['Omar|عمر', 'Ahmed|أحمد', 'Youssef|يوسف', 'Karim|كريم', 'Tariq|طارق', 'Khaled|خالد', 'Hassan|حسن', 'Ali|علي', 'Mahmoud|محمود', 'Ziad|زياد', 'Samir|سمير', 'Faisal|فيصل'],
    last: ['Haddad|حداد', 'Al-Farsi|الفارسي', 'El Amrani|العمراني', 'Nasser|ناصر', 'Mansour|منصور', 'Khalil|خليل', 'Saleh|صالح', 'Aziz|عزيز', 'Hamdan|حمدان', 'Darwish|درويش', 'Qasim|قاسم', 'Abdallah|عبدالله', 'Al-Masri|المصري'],
    native: 0.05,
    cities: [['Dubai', 'AE'], ['Abu Dhabi', 'AE'], ['Cairo', 'EG'], ['Alexandria', 'EG'], ['Amman', 'JO'], ['Casablanca', 'MA'], ['Rabat', 'MA'], ['Riyadh', 'SA']],
    mail: ['gmail.com', 'gmail.com', 'hotmail.com', 'outlook.com', 'yahoo.com'],
    universities: ['American University of Beirut', 'Cairo University', 'University of Jordan', 'Khalifa University', 'Mohammed V University'],
  },
  {
    key: 'vn',
    weight: 4,
    female: ['Thị Hương', 'Thu Trang', 'Ngọc Lan', 'Hải Yến', 'Minh Anh', 'Phương Linh', 'Thảo Vy', 'Khánh Linh', 'Bảo Ngọc', 'Mai Anh'],
    male: ['Văn Hùng', 'Quốc Bảo', 'Đức Anh', 'Minh Quân', 'Tuấn Anh', 'Hoàng Nam', 'Gia Huy', 'Thành Đạt', 'Quang Minh', 'Trung Kiên'],
    last: ['Nguyễn', 'Trần', 'Lê', 'Phạm', 'Hoàng', 'Huỳnh', 'Phan', 'Vũ', 'Võ', 'Đặng', 'Bùi', 'Đỗ', 'Hồ', 'Ngô', 'Dương'],
    plain: 0.35,
    cities: [['Hanoi', 'VN'], ['Ho Chi Minh City', 'VN'], ['Da Nang', 'VN']],
    mail: ['gmail.com', 'gmail.com', 'yahoo.com.vn', 'outlook.com'],
    universities: ['Hanoi University of Science and Technology', 'Vietnam National University', 'Ho Chi Minh City University of Technology'],
  },
  {
    key: 'fr',
    weight: 5,
    female: ['Chloé', 'Léa', 'Hélène', 'Amélie', 'Noémie', 'Cécile', 'Manon', 'Camille', 'Élodie', 'Juliette', 'Inès', 'Margaux', 'Anaïs', 'Clémence'],
    male: ['François', 'Mathéo', 'Théo', 'Jérôme', 'Gaël', 'Antoine', 'Julien', 'Nicolas', 'Maxime', 'Rémi', 'Baptiste', 'Benoît', 'Loïc', 'Hugo'],
    last: ['Dubois', 'Lefèvre', 'Moreau', 'Laurent', 'Girard', 'Rousseau', 'Fournier', 'Mercier', 'Bonnet', 'Lambert', 'Faure', 'Dupont', 'Martin', 'Bernard', 'Fontaine', 'Chevalier', 'Roux', 'Garnier', 'Lemaire', 'Bélanger'],
    cities: [['Paris', 'FR'], ['Lyon', 'FR'], ['Marseille', 'FR'], ['Toulouse', 'FR'], ['Nantes', 'FR'], ['Bordeaux', 'FR'], ['Lille', 'FR']],
    mail: ['gmail.com', 'orange.fr', 'free.fr', 'laposte.net', 'outlook.fr', 'hotmail.fr'],
    universities: ['Sorbonne Université', 'École Polytechnique', 'INSA Lyon', 'Université de Bordeaux', 'Université Grenoble Alpes'],
  },
  {
    key: 'nordic',
    weight: 3,
    female: ['Freja', 'Ingrid', 'Astrid', 'Sigrid', 'Elin', 'Maja', 'Ebba', 'Saga', 'Linnéa', 'Ida', 'Karin', 'Sofie', 'Åsa', 'Liv'],
    male: ['Søren', 'Mikkel', 'Magnus', 'Lars', 'Oskar', 'Bjørn', 'Erik', 'Anders', 'Henrik', 'Nils', 'Jesper', 'Rasmus', 'Emil', 'Håkon'],
    last: ['Jensen', 'Nielsen', 'Andersson', 'Johansson', 'Hansen', 'Lindqvist', 'Bergström', 'Sørensen', 'Håkansson', 'Ødegaard', 'Larsen', 'Karlsson', 'Eriksson', 'Pedersen', 'Lindberg', 'Nyström'],
    cities: [['Stockholm', 'SE'], ['Göteborg', 'SE'], ['Malmö', 'SE'], ['Copenhagen', 'DK'], ['Aarhus', 'DK'], ['Oslo', 'NO'], ['Bergen', 'NO']],
    mail: ['gmail.com', 'outlook.com', 'hotmail.com', 'live.se', 'icloud.com'],
    universities: ['KTH Royal Institute of Technology', 'University of Copenhagen', 'Aarhus University', 'NTNU', 'Lund University'],
  },
];
const LOCALE_WEIGHTS = LOCALES.map((locale) => [locale, locale.weight] as const);

interface PersonName {
  /** As stored in the ATS (possibly native script). */
  first: string;
  last: string;
  /** Latin script, for emails, file names and PDFs. */
  latinFirst: string;
  latinLast: string;
}

function personName(r: Random, locale: Locale): PersonName {
  const female = r.chance(0.5);
  const nativeScript = locale.native !== undefined && r.chance(locale.native);
  const part = (entry: string): [string, string] => {
    const gendered = entry.split('/');
    const chosen = (gendered.length === 2 ? gendered[female ? 1 : 0] : entry) as string;
    const [latin, native] = chosen.split('|') as [string, string | undefined];
    return [latin, nativeScript && native !== undefined ? native : latin];
  };
  const [latinFirst, first] = part(r.pick(female ? locale.female : locale.male));
  let [latinLast, last] = part(r.pick(locale.last));
  if (!nativeScript && locale.twoSurnames !== undefined && r.chance(locale.twoSurnames)) {
    const [second] = part(r.pick(locale.last));
    if (second !== latinLast) {
      latinLast = `${latinLast} ${second}`;
      last = latinLast;
    }
  }
  if (locale.plain !== undefined && r.chance(locale.plain)) {
    return { first: asciiFold(first), last: asciiFold(last), latinFirst: asciiFold(latinFirst), latinLast: asciiFold(latinLast) };
  }
  return { first, last, latinFirst, latinLast };
}

interface Office {
  id: string;
  name: string;
  location: string;
  country: CountryCode;
  /** Hours from UTC, to put interviews in office hours. */
  utc: number;
  rooms: readonly string[];
  /** The legal entity that signs offer letters there. */
  entity: string;
  /** Where the work happens, to finish "join the team ...". */
  where: string;
  currency: string;
  /** Salary multiplier relative to a Berlin salary in EUR. */
  pay: number;
}

const OFFICES: readonly Omit<Office, 'id'>[] = [
  { name: 'Berlin HQ', location: 'Berlin, Germany', where: 'in Berlin', country: 'DE', utc: 1, rooms: ['Spree', 'Tiergarten', 'Kreuzberg', 'Museumsinsel'], entity: 'Northwind Talent GmbH', currency: 'EUR', pay: 1 },
  { name: 'London', location: 'London, United Kingdom', where: 'in London', country: 'GB', utc: 0, rooms: ['Thames', 'Soho', 'Camden'], entity: 'Northwind Talent UK Ltd', currency: 'GBP', pay: 0.95 },
  { name: 'New York', location: 'New York, NY, United States', where: 'in New York', country: 'US', utc: -5, rooms: ['Hudson', 'Brooklyn', 'Flatiron'], entity: 'Northwind Talent, Inc.', currency: 'USD', pay: 1.5 },
  { name: 'Warsaw', location: 'Warsaw, Poland', where: 'in Warsaw', country: 'PL', utc: 1, rooms: ['Wisła', 'Praga', 'Mokotów'], entity: 'Northwind Talent Polska sp. z o.o.', currency: 'PLN', pay: 3.4 },
  { name: 'Bengaluru', location: 'Bengaluru, Karnataka, India', where: 'in Bengaluru', country: 'IN', utc: 5.5, rooms: ['Cubbon', 'Lalbagh', 'Indiranagar'], entity: 'Northwind Talent India Pvt. Ltd.', currency: 'INR', pay: 40 },
  { name: 'São Paulo', location: 'São Paulo, Brazil', where: 'in São Paulo', country: 'BR', utc: -3, rooms: ['Ibirapuera', 'Paulista'], entity: 'Northwind Talent Brasil Ltda.', currency: 'BRL', pay: 3.2 },
  { name: 'Remote (Europe)', location: 'Remote, Europe', where: 'remotely from anywhere in Europe', country: 'DE', utc: 1, rooms: [], entity: 'Northwind Talent GmbH', currency: 'EUR', pay: 0.95 },
  { name: 'Remote (US)', location: 'Remote, United States', where: 'remotely from the United States', country: 'US', utc: -6, rooms: [], entity: 'Northwind Talent, Inc.', currency: 'USD', pay: 1.4 },
];
const OFFICE_WEIGHTS = [30, 16, 14, 12, 10, 6, 8, 4];

type StageKind = 'review' | 'screen' | 'interview' | 'assessment' | 'onsite' | 'offer' | 'hired';
/** Who sits on an interview: the recruiter, the hiring manager, or people of the team. */
type Panel = 'recruiter' | 'manager' | 'team' | 'final';

interface StageSpec {
  text: string;
  kind: StageKind;
  /** One session for screen/interview; the candidate sessions of an onsite. */
  sessions?: readonly (readonly [subject: string, panel: Panel])[];
}

const REVIEW: StageSpec = { text: 'Application Review', kind: 'review' };
const OFFER: StageSpec = { text: 'Offer', kind: 'offer' };
const HIRED: StageSpec = { text: 'Hired', kind: 'hired' };
const recruiterScreen = (text: string): StageSpec => ({ text, kind: 'screen', sessions: [[text, 'recruiter']] });
const interview = (text: string, subject: string, panel: Panel): StageSpec => ({ text, kind: 'interview', sessions: [[subject, panel]] });

interface Family {
  department: string;
  code: string;
  weight: number;
  roles: readonly string[];
  levels: readonly (readonly [string, number])[];
  stages: readonly StageSpec[];
  /** Base salary in thousands of EUR (Berlin, mid level). */
  salary: number;
  about: string;
  summaries: readonly string[];
  bullets: readonly string[];
  skills: readonly string[];
  degrees: readonly string[];
  links: 'code' | 'design' | 'data' | 'none';
}

const LEVELS_IC = [['', 5], ['Senior ', 4], ['Staff ', 1], ['Junior ', 1]] as const;
const LEVELS_BIZ = [['', 6], ['Senior ', 3], ['Lead ', 1]] as const;

const FAMILIES: readonly Family[] = [
  {
    department: 'Engineering',
    code: 'ENG',
    weight: 30,
    roles: ['Backend Engineer', 'Frontend Engineer', 'Full-Stack Engineer', 'Platform Engineer', 'Site Reliability Engineer', 'iOS Engineer', 'Android Engineer', 'Security Engineer', 'QA Automation Engineer', 'Machine Learning Engineer', 'Engineering Manager'],
    levels: [...LEVELS_IC, ['Principal ', 0.5]],
    stages: [
      REVIEW,
      recruiterScreen('Recruiter Phone Screen'),
      interview('Technical Screen', 'Technical Screen: Live Coding', 'team'),
      { text: 'Take-Home Assignment', kind: 'assessment' },
      { text: 'Onsite', kind: 'onsite', sessions: [['Onsite: System Design', 'team'], ['Onsite: Coding Deep Dive', 'team'], ['Onsite: Hiring Manager Conversation', 'manager']] },
      OFFER,
      HIRED,
    ],
    salary: 78,
    about: 'You will design, build and run the services behind our recruiting platform, own features end to end and help us keep the system simple, observable and fast.',
    summaries: [
      'Software engineer who enjoys turning vague product ideas into reliable, well-tested services.',
      'Engineer with a focus on distributed systems, clean APIs and pragmatic observability.',
      'Developer who likes small teams, short feedback loops and code that is easy to delete.',
    ],
    bullets: [
      'Cut p95 API latency by 40% by redesigning the caching layer.',
      'Led the migration of a monolith billing module to event-driven services.',
      'Introduced contract tests that halved production incidents in a year.',
      'Mentored four junior engineers; ran the team\'s weekly design review.',
      'Built the CI pipeline that takes a change to production in 12 minutes.',
      'Shipped offline sync for the mobile app used by 200k monthly users.',
    ],
    skills: ['TypeScript', 'Go', 'Python', 'Kotlin', 'PostgreSQL', 'Kubernetes', 'AWS', 'React', 'gRPC', 'Terraform', 'Kafka', 'Rust'],
    degrees: ['B.Sc. Computer Science', 'M.Sc. Computer Science', 'B.Eng. Software Engineering', 'M.Sc. Electrical Engineering'],
    links: 'code',
  },
  {
    department: 'Data',
    code: 'DAT',
    weight: 8,
    roles: ['Data Analyst', 'Data Scientist', 'Analytics Engineer', 'Data Engineer', 'BI Analyst'],
    levels: LEVELS_IC,
    stages: [
      REVIEW,
      recruiterScreen('Phone Screen'),
      { text: 'SQL Assessment', kind: 'assessment' },
      interview('Case Study Interview', 'Case Study Interview', 'team'),
      { text: 'Final Round', kind: 'onsite', sessions: [['Final Round: Case Presentation', 'team'], ['Final Round: Stakeholder Interview', 'team'], ['Final Round: Hiring Manager Interview', 'manager']] },
      OFFER,
      HIRED,
    ],
    salary: 70,
    about: 'You will turn our product and hiring data into decisions: build trusted models and dashboards, and partner with product and go-to-market teams.',
    summaries: [
      'Analyst who pairs solid SQL with a habit of asking what decision a number will change.',
      'Data professional experienced in experimentation, forecasting and self-serve analytics.',
      'Analytics engineer who builds data models people trust and dashboards people actually open.',
    ],
    bullets: [
      'Built the dbt project behind 60+ company KPIs with tests on every model.',
      'Designed the A/B testing framework used for all pricing experiments.',
      'Reduced monthly reporting from three days to one automated job.',
      'Forecast seasonal demand within 5% for the operations team.',
      'Migrated legacy ETL scripts to Airflow with full lineage.',
    ],
    skills: ['SQL', 'Python', 'dbt', 'Airflow', 'Looker', 'Tableau', 'BigQuery', 'Snowflake', 'pandas', 'Statistics', 'Spark'],
    degrees: ['B.Sc. Statistics', 'M.Sc. Data Science', 'B.Sc. Economics', 'M.Sc. Applied Mathematics'],
    links: 'data',
  },
  {
    department: 'Design',
    code: 'DES',
    weight: 6,
    roles: ['Product Designer', 'UX Researcher', 'Brand Designer', 'Content Designer', 'Design Manager'],
    levels: LEVELS_IC,
    stages: [
      REVIEW,
      recruiterScreen('Recruiter Screen'),
      interview('Portfolio Review', 'Portfolio Presentation', 'team'),
      { text: 'Design Exercise', kind: 'assessment' },
      { text: 'Onsite', kind: 'onsite', sessions: [['Onsite: Design Critique', 'team'], ['Onsite: Cross-functional Interview', 'team'], ['Onsite: Values Interview', 'manager']] },
      OFFER,
      HIRED,
    ],
    salary: 68,
    about: 'You will shape how recruiters and hiring managers work every day, from research and flows to polished interfaces, in close partnership with engineering.',
    summaries: [
      'Product designer who starts from research and ends with shipped, measurable improvements.',
      'Designer with a systems mindset: components, accessibility and clear writing.',
      'Researcher and designer who turns messy workflows into calm, usable tools.',
    ],
    bullets: [
      'Redesigned onboarding, raising week-one activation from 38% to 55%.',
      'Built and documented a design system used by six product teams.',
      'Ran 40+ user interviews to reshape the reporting roadmap.',
      'Led an accessibility audit and fixed 120 WCAG issues with engineering.',
      'Created the brand refresh rolled out across web, product and events.',
    ],
    skills: ['Figma', 'Prototyping', 'User Research', 'Design Systems', 'Accessibility', 'Interaction Design', 'Usability Testing', 'Illustration'],
    degrees: ['B.A. Interaction Design', 'B.A. Graphic Design', 'M.A. Human-Computer Interaction', 'B.Sc. Cognitive Science'],
    links: 'design',
  },
  {
    department: 'Product',
    code: 'PRD',
    weight: 6,
    roles: ['Product Manager', 'Technical Product Manager', 'Product Operations Manager', 'Group Product Manager'],
    levels: LEVELS_BIZ,
    stages: [
      REVIEW,
      recruiterScreen('Recruiter Screen'),
      interview('Hiring Manager Interview', 'Hiring Manager Interview', 'manager'),
      interview('Product Case Interview', 'Product Case Interview', 'team'),
      { text: 'Onsite', kind: 'onsite', sessions: [['Onsite: Product Execution', 'team'], ['Onsite: Product Strategy', 'team'], ['Onsite: Leadership & Collaboration', 'final']] },
      OFFER,
      HIRED,
    ],
    salary: 85,
    about: 'You will own a part of our product from discovery to delivery, working with design and engineering to solve real problems for recruiting teams.',
    summaries: [
      'Product manager who ships in small increments and measures what matters.',
      'PM with a technical background and a record of B2B SaaS launches.',
      'Product leader who builds clarity: crisp problems, honest roadmaps, happy teams.',
    ],
    bullets: [
      'Launched a self-serve plan that brought in 1,200 paying teams in six months.',
      'Defined the roadmap for an integrations platform with 30+ partners.',
      'Cut churn by 18% through a redesigned renewal and onboarding journey.',
      'Set up quarterly discovery with customer advisory boards.',
      'Drove the pricing and packaging revamp across three product lines.',
    ],
    skills: ['Product Discovery', 'Roadmapping', 'SQL', 'Experimentation', 'Stakeholder Management', 'B2B SaaS', 'Jira', 'Amplitude'],
    degrees: ['B.Sc. Computer Science', 'MBA', 'B.A. Economics', 'M.Sc. Management'],
    links: 'none',
  },
  {
    department: 'Sales',
    code: 'SAL',
    weight: 14,
    roles: ['Account Executive', 'Sales Development Representative', 'Enterprise Account Executive', 'Solutions Engineer', 'Sales Manager', 'Partnerships Manager'],
    levels: LEVELS_BIZ,
    stages: [
      REVIEW,
      recruiterScreen('Phone Screen'),
      interview('Hiring Manager Interview', 'Hiring Manager Interview', 'manager'),
      interview('Mock Pitch', 'Mock Pitch: Discovery Call', 'team'),
      interview('Final Interview', 'Final Interview with VP Sales', 'final'),
      OFFER,
      HIRED,
    ],
    salary: 60,
    about: 'You will bring Northwind to talent teams across the region: run full sales cycles, build lasting relationships and beat a quota you helped set.',
    summaries: [
      'Quota-carrying seller with a consultative style and a full, healthy pipeline.',
      'Sales professional experienced in mid-market and enterprise SaaS deals.',
      'Relationship builder who loves discovery calls and hates discounting.',
    ],
    bullets: [
      'Closed 128% of annual quota; top performer in the region two years running.',
      'Opened the Nordics market and signed the first 25 logos.',
      'Built an outbound playbook adopted by the whole SDR team.',
      'Negotiated the company\'s largest multi-year enterprise contract.',
      'Shortened the average sales cycle from 74 to 51 days.',
    ],
    skills: ['Salesforce', 'MEDDICC', 'Negotiation', 'Prospecting', 'Forecasting', 'HubSpot', 'Gong', 'Enterprise Sales'],
    degrees: ['B.A. Business Administration', 'B.A. Communication', 'B.Sc. Marketing', 'M.A. International Business'],
    links: 'none',
  },
  {
    department: 'Marketing',
    code: 'MKT',
    weight: 8,
    roles: ['Product Marketing Manager', 'Content Marketing Manager', 'Growth Marketing Manager', 'Marketing Operations Specialist', 'Brand Manager', 'Field Marketing Manager'],
    levels: LEVELS_BIZ,
    stages: [
      REVIEW,
      recruiterScreen('Phone Screen'),
      interview('Hiring Manager Interview', 'Hiring Manager Interview', 'manager'),
      { text: 'Written Exercise', kind: 'assessment' },
      { text: 'Panel Interview', kind: 'onsite', sessions: [['Panel Interview: Exercise Presentation', 'team'], ['Panel Interview: Cross-functional Partners', 'team']] },
      OFFER,
      HIRED,
    ],
    salary: 62,
    about: 'You will tell the Northwind story: position our products, run campaigns that create pipeline and learn quickly from what the numbers say.',
    summaries: [
      'Marketer who connects positioning, content and pipeline.',
      'Growth marketer with a test-and-learn habit and strong analytics.',
      'Storyteller who turns product depth into messages buyers remember.',
    ],
    bullets: [
      'Grew organic sign-ups 3x in 18 months through a content program.',
      'Launched four products with sales enablement and analyst briefings.',
      'Rebuilt lead scoring, lifting MQL-to-SQL conversion by 22%.',
      'Ran a 600-attendee customer conference on a lean budget.',
      'Owned paid acquisition with a 9-month CAC payback.',
    ],
    skills: ['Positioning', 'Content Strategy', 'SEO', 'HubSpot', 'Google Analytics', 'Copywriting', 'Campaign Management', 'Marketo'],
    degrees: ['B.A. Marketing', 'B.A. Journalism', 'M.Sc. Marketing', 'B.A. Media Studies'],
    links: 'none',
  },
  {
    department: 'Customer Success',
    code: 'CS',
    weight: 10,
    roles: ['Customer Success Manager', 'Customer Support Specialist', 'Technical Support Engineer', 'Implementation Consultant', 'Support Team Lead'],
    levels: LEVELS_BIZ,
    stages: [
      REVIEW,
      recruiterScreen('Phone Screen'),
      { text: 'Skills Assessment', kind: 'assessment' },
      interview('Team Interview', 'Team Interview', 'team'),
      interview('Hiring Manager Interview', 'Hiring Manager Interview', 'manager'),
      OFFER,
      HIRED,
    ],
    salary: 52,
    about: 'You will help our customers succeed with Northwind: onboard new teams, solve tricky problems and bring their voice back to product.',
    summaries: [
      'Customer-obsessed problem solver with a calm voice on difficult calls.',
      'Success manager who grows accounts by making customers measurably better off.',
      'Support specialist who writes the help article after answering the ticket.',
    ],
    bullets: [
      'Kept gross retention at 96% across a book of 80 accounts.',
      'Cut first response time from 9 hours to 45 minutes.',
      'Wrote 150 knowledge-base articles that deflected 30% of tickets.',
      'Led onboarding for the company\'s five largest customers.',
      'Introduced QBRs that surfaced $400k in expansion revenue.',
    ],
    skills: ['Zendesk', 'Gainsight', 'Onboarding', 'Account Management', 'SQL', 'Troubleshooting', 'Intercom', 'Renewals'],
    degrees: ['B.A. Business Administration', 'B.A. Psychology', 'B.Sc. Information Systems', 'B.A. Languages'],
    links: 'none',
  },
  {
    department: 'People',
    code: 'PPL',
    weight: 5,
    roles: ['Technical Recruiter', 'People Partner', 'Talent Acquisition Coordinator', 'People Operations Specialist', 'Learning & Development Lead'],
    levels: LEVELS_BIZ,
    stages: [
      REVIEW,
      recruiterScreen('Phone Screen'),
      interview('Hiring Manager Interview', 'Hiring Manager Interview', 'manager'),
      { text: 'Panel Interview', kind: 'onsite', sessions: [['Panel Interview: Case Discussion', 'team'], ['Panel Interview: Values', 'final']] },
      OFFER,
      HIRED,
    ],
    salary: 58,
    about: 'You will help us hire, grow and keep great people, with fair processes and a great experience for every candidate and employee.',
    summaries: [
      'People professional who cares about fair, fast and friendly hiring.',
      'Recruiter who has built engineering teams from 10 to 100 people.',
      'People partner with a practical, data-informed approach to growth and performance.',
    ],
    bullets: [
      'Hired 45 engineers in a year with an 88% offer acceptance rate.',
      'Introduced structured interviews and scorecards across the company.',
      'Rolled out a career framework for 300 employees.',
      'Cut time-to-hire from 52 to 34 days.',
      'Ran the employee engagement survey and the follow-up action plans.',
    ],
    skills: ['Sourcing', 'Greenhouse', 'Employer Branding', 'Employee Relations', 'Workday', 'Interview Training', 'Compensation', 'Onboarding'],
    degrees: ['B.A. Psychology', 'M.A. Human Resource Management', 'B.A. Sociology', 'B.A. Business Administration'],
    links: 'none',
  },
  {
    department: 'Finance',
    code: 'FIN',
    weight: 5,
    roles: ['Financial Analyst', 'Accountant', 'FP&A Manager', 'Payroll Specialist', 'Revenue Accountant'],
    levels: LEVELS_BIZ,
    stages: [
      REVIEW,
      recruiterScreen('Phone Screen'),
      { text: 'Technical Assessment', kind: 'assessment' },
      interview('Hiring Manager Interview', 'Hiring Manager Interview', 'manager'),
      interview('Final Interview', 'Final Interview with CFO', 'final'),
      OFFER,
      HIRED,
    ],
    salary: 64,
    about: 'You will keep our numbers right and useful: close the books, model the business and help every team spend wisely.',
    summaries: [
      'Finance professional who likes clean ledgers and clear models.',
      'Planning analyst who partners with budget owners instead of policing them.',
      'Accountant experienced in SaaS revenue recognition and multi-entity close.',
    ],
    bullets: [
      'Shortened the month-end close from ten to five working days.',
      'Built the three-statement model used in the Series C fundraise.',
      'Implemented ASC 606 revenue recognition for multi-year contracts.',
      'Automated payroll reconciliation across four countries.',
      'Ran the annual budget process for 14 cost centres.',
    ],
    skills: ['Excel', 'NetSuite', 'IFRS', 'US GAAP', 'Financial Modelling', 'Budgeting', 'SQL', 'DATEV'],
    degrees: ['B.Sc. Accounting and Finance', 'M.Sc. Finance', 'B.A. Economics', 'ACCA'],
    links: 'none',
  },
  {
    department: 'Operations',
    code: 'OPS',
    weight: 5,
    roles: ['Legal Counsel', 'Office Manager', 'Business Operations Analyst', 'IT Support Specialist', 'Procurement Specialist'],
    levels: LEVELS_BIZ,
    stages: [
      REVIEW,
      recruiterScreen('Phone Screen'),
      interview('Hiring Manager Interview', 'Hiring Manager Interview', 'manager'),
      interview('Final Interview', 'Final Interview', 'final'),
      OFFER,
      HIRED,
    ],
    salary: 56,
    about: 'You will keep Northwind running smoothly: the tools, offices, contracts and processes that let everyone else do their best work.',
    summaries: [
      'Operations generalist who turns recurring chaos into simple processes.',
      'In-house counsel with a commercial, pragmatic approach to risk.',
      'IT and workplace specialist who makes the first day at work painless.',
    ],
    bullets: [
      'Negotiated vendor contracts saving 15% on annual software spend.',
      'Opened a new 120-seat office on time and under budget.',
      'Set up device management and SSO for 400 employees.',
      'Drafted the standard customer agreement and DPA templates.',
      'Built the quarterly business review pack for the leadership team.',
    ],
    skills: ['Contract Management', 'Vendor Management', 'Google Workspace', 'Okta', 'Process Design', 'GDPR', 'Jamf', 'Notion'],
    degrees: ['LL.M.', 'B.A. Business Administration', 'B.Sc. Information Technology', 'M.Sc. Operations Management'],
    links: 'none',
  },
];
const FAMILY_WEIGHTS = FAMILIES.map((family) => [family, family.weight] as const);

/** Fictional employers whose domains are reserved for examples. */
const EMPLOYERS: readonly (readonly [string, string])[] = [
  ['Contoso', 'contoso.com'], ['Fabrikam', 'fabrikam.com'], ['Tailspin Toys', 'tailspintoys.com'], ['Litware', 'litwareinc.com'],
  ['Adventure Works', 'adventure-works.com'], ['Wide World Importers', 'wideworldimporters.com'], ['Proseware', 'proseware.com'],
  ['Woodgrove Bank', 'woodgrovebank.com'], ['Alpine Ski House', 'alpineskihouse.com'], ['Coho Winery', 'cohowinery.com'],
  ['Lucerne Publishing', 'lucernepublishing.com'], ['Fourth Coffee', 'fourthcoffee.com'], ['Trey Research', 'treyresearch.net'],
  ["Margie's Travel", 'margiestravel.com'], ['Blue Yonder Airlines', 'blueyonderairlines.com'], ['Humongous Insurance', 'humongousinsurance.com'],
  ['Relecloud', 'relecloud.com'], ['VanArsdel', 'vanarsdelltd.com'], ['Consolidated Messenger', 'consolidatedmessenger.com'],
  ['Wingtip Toys', 'wingtiptoys.com'], ['Southridge Video', 'southridgevideo.com'], ['First Up Consultants', 'firstupconsultants.com'],
];

const REASONS: Readonly<Record<'review' | 'screen' | 'interview' | 'assessment' | 'withdrew' | 'declined' | 'closed', readonly string[]>> = {
  review: [
    'Not enough relevant experience',
    'Experience level does not match the role',
    'Requires visa sponsorship we cannot offer for this role',
    'Location does not match the role requirements',
    'Salary expectations above the range for this role',
    'Missing required skills',
    'Duplicate application',
    'Another candidate was further along in the process',
  ],
  screen: [
    'Compensation expectations misaligned',
    'Not enough relevant experience',
    'Notice period too long',
    'Candidate unresponsive',
    'Communication skills below what the role needs',
  ],
  interview: [
    'Did not meet the bar for this level',
    'Lacked depth in core skills for this role',
    'Hiring team preferred another finalist',
    'Mixed feedback from the interview panel',
    'Not the right fit for the team\'s current needs',
  ],
  assessment: ['Assignment did not meet expectations', 'Did not complete the assignment', 'Assignment showed gaps in required skills'],
  withdrew: [
    'Candidate withdrew: accepted another offer',
    'Candidate withdrew: compensation',
    'Candidate withdrew: staying with current employer',
    'Candidate withdrew: not willing to relocate',
    'Candidate withdrew: personal reasons',
  ],
  declined: ['Offer declined: accepted another offer', 'Offer declined: compensation', 'Offer declined: counter-offer from current employer'],
  closed: ['Position filled', 'Role closed: hiring freeze', 'Position filled internally'],
};

// ---------------------------------------------------------------------------------
// Users and jobs (one world per seed)

type User = { id: string; email: string; employeeId: string };

interface Person extends User {
  name: PersonName;
}

interface Stage {
  id: string;
  text: string;
  spec: StageSpec;
}

interface Job {
  id: string;
  title: string;
  family: Family;
  office: Office;
  status: 'OPEN' | 'CLOSED' | 'DRAFT';
  createdAt: number;
  closedAt: number | null;
  stages: Stage[];
  recruiters: Person[];
  hiringManagers: Person[];
  team: Person[];
  /** How many of the applications go to this job, relatively. */
  popularity: number;
  event: Record<string, unknown>;
}

interface World {
  seedHash: string;
  everyone: Person[];
  recruiters: Person[];
  jobs: Job[];
  /** Cumulative popularity of `jobs`, for picking a job per application. */
  cumulative: number[];
}

function user(person: Person): User {
  return { id: person.id, email: person.email, employeeId: person.employeeId };
}

function stageOf(stage: Stage): { id: string; text: string } {
  return { id: stage.id, text: stage.text };
}

function buildWorld(seedKey: string): World {
  const r = new Random(`${seedKey}\u0000world`);
  const seedHash = hash128(seedKey)[0].toString(16).padStart(8, '0');
  const emails = new Set<string>();
  const employeeIds = new Set<string>();
  const everyone: Person[] = [];
  const hire = (): Person => {
    const name = personName(r, r.weighted(LOCALE_WEIGHTS));
    const base = `${handle(name.latinFirst)}.${handle(name.latinLast)}`;
    let local = base;
    for (let n = 2; emails.has(local); n++) local = `${base}${n}`;
    emails.add(local);
    let employeeId: string;
    do employeeId = `NW-${r.digits(5)}`;
    while (employeeIds.has(employeeId));
    employeeIds.add(employeeId);
    const person: Person = { id: r.id(), email: `${local}@${DOMAIN}`, employeeId, name };
    everyone.push(person);
    return person;
  };
  const recruiters = Array.from({ length: r.int(6, 9) }, hire);
  const coordinators = Array.from({ length: r.int(2, 3) }, hire);
  const managers = new Map<Family, Person[]>();
  const teams = new Map<Family, Person[]>();
  for (const family of FAMILIES) {
    managers.set(family, Array.from({ length: family.weight >= 10 ? 2 : 1 }, hire));
    teams.set(family, Array.from({ length: family.weight >= 10 ? r.int(4, 6) : r.int(2, 3) }, hire));
  }

  const offices: Office[] = OFFICES.map((office) => ({ ...office, id: r.id() }));
  const officeWeights = offices.map((office, i) => [office, OFFICE_WEIGHTS[i] as number] as const);
  const departments = new Map(FAMILIES.map((family) => [family, { id: r.id(), name: family.department }]));

  const jobCount = r.int(40, 80);
  const titles = new Set<string>();
  const jobs: Job[] = [];
  let jobNumber = r.int(1040, 1480);
  while (jobs.length < jobCount) {
    const family = r.weighted(FAMILY_WEIGHTS);
    const office = r.weighted(officeWeights);
    const title = `${r.weighted(family.levels)}${r.pick(family.roles)}`;
    if (titles.has(`${title}@${office.name}`)) continue;
    titles.add(`${title}@${office.name}`);
    const status = jobs.length === 0 ? 'OPEN' : r.weighted([['OPEN', 78], ['CLOSED', 14], ['DRAFT', 8]] as const);
    let createdAt: number;
    let closedAt: number | null = null;
    let updatedAt: number;
    if (status === 'OPEN') {
      createdAt = NOW - r.between(20, 320) * DAY;
      updatedAt = createdAt + (NOW - createdAt) * r.between(0.05, 0.99);
    } else if (status === 'CLOSED') {
      createdAt = NOW - r.between(120, 420) * DAY;
      closedAt = createdAt + r.between(45, (NOW - createdAt) / DAY - 7) * DAY;
      updatedAt = closedAt + r.between(0, 3) * DAY;
    } else {
      createdAt = NOW - r.between(1, 30) * DAY;
      updatedAt = createdAt + r.between(0.5, 48) * HOUR;
    }
    const id = r.id();
    const stages = family.stages.map((spec) => ({ id: r.id(), text: spec.text, spec }));
    const familyManagers = managers.get(family) as Person[];
    const team = teams.get(family) as Person[];
    const hiringManagers = [r.pick(familyManagers)];
    if (r.chance(0.25)) {
      const second = r.pick(team);
      hiringManagers.push(second);
    }
    const jobRecruiters = [r.pick(recruiters)];
    if (r.chance(0.3)) jobRecruiters.push(r.pick(coordinators));
    const confidential = r.chance(0.05);
    const department = departments.get(family) as { id: string; name: string };
    const url = status === 'DRAFT' ? null : `https://careers.${DOMAIN}/jobs/${id}-${slug(title)}`;
    const info = {
      id,
      title,
      description:
        `${COMPANY} builds software that helps recruiting teams hire fairly and fast. We are looking for a ${title} to join the ${family.department} team ${office.where}.\n\n` +
        `${family.about}\n\nWhat we offer: a competitive salary, equity, 30 days of holiday, a learning budget and flexible working.`,
      status,
      createdAt: iso(createdAt),
      updatedAt: iso(updatedAt),
      closedAt: closedAt === null ? null : iso(closedAt),
      isConfidential: confidential,
      jobCodes: [`${family.code}-${jobNumber}`],
      infoUrl: url,
      applyUrl: url === null ? null : `${url}/apply`,
    };
    jobNumber += r.int(1, 9);
    const event = {
      info,
      departments: [{ ...department }],
      offices: [{ id: office.id, name: office.name, location: office.location }],
      hiringManagers: hiringManagers.map(user),
      recruiters: jobRecruiters.map(user),
      stages: stages.map(stageOf),
    };
    const popularity = status === 'DRAFT' ? 0 : (status === 'CLOSED' ? 1.2 : 1) * r.between(0.3, 1) * (family.weight >= 10 ? 1.6 : 1) * (r.chance(0.15) ? 3 : 1);
    jobs.push({
      id, title, family, office, status, createdAt, closedAt, stages,
      recruiters: jobRecruiters, hiringManagers, team: [...new Set([...team, ...(r.chance(0.5) ? [r.pick(everyone)] : [])])],
      popularity, event,
    });
  }
  const cumulative: number[] = [];
  let total = 0;
  for (const job of jobs) cumulative.push((total += job.popularity));
  return { seedHash, everyone, recruiters, jobs, cumulative };
}

function pickJob(r: Random, world: World): Job {
  const x = r.next() * (world.cumulative[world.cumulative.length - 1] as number);
  let lo = 0;
  let hi = world.cumulative.length - 1;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if ((world.cumulative[mid] as number) > x) hi = mid;
    else lo = mid + 1;
  }
  return world.jobs[lo] as Job;
}

// ---------------------------------------------------------------------------------
// Time in office hours

/** The next weekday office slot (09:00-16:30 local, on the half hour) at least `minDays` after `after`. */
function officeSlot(r: Random, after: number, office: Office, minDays: number): number {
  const offset = office.utc * HOUR;
  let day = Math.floor((after + offset) / DAY) + minDays;
  // 1970-01-01 was a Thursday.
  while ((day + 4) % 7 === 0 || (day + 4) % 7 === 6) day++;
  return day * DAY + (9 * 60 + 30 * r.int(0, 15)) * MINUTE - offset;
}

/** `t` moved into the office's working hours (a recruiter clicking a button). */
function workTime(r: Random, t: number, office: Office): number {
  const offset = office.utc * HOUR;
  const local = t + offset;
  const weekday = (Math.floor(local / DAY) + 4) % 7;
  const hour = (local % DAY) / HOUR;
  if (weekday !== 0 && weekday !== 6 && hour >= 8.5 && hour < 18.5) return t;
  let day = Math.floor(local / DAY) + (hour >= 8.5 ? 1 : 0);
  while ((day + 4) % 7 === 0 || (day + 4) % 7 === 6) day++;
  return day * DAY + r.between(8.75, 18) * HOUR - offset;
}

// ---------------------------------------------------------------------------------
// One application's story

interface InterviewPlan {
  id: string;
  subject: string;
  createdAt: number;
  start: number;
  end: number;
  stage: Stage;
  interviewers: Person[];
  location: string;
  creator: Person;
  /** When it was cancelled, or when the feedback was in. */
  cancelledAt: number | null;
  decidedAt: number;
}

interface OfferPlan {
  id: string;
  createdAt: number;
  sentAt: number;
  closedAt: number;
  outcome: 'SIGNED' | 'DENIED' | 'DEPRECATED';
}

interface Story {
  /** When each reached stage was entered, in pipeline order. */
  entered: number[];
  interviews: InterviewPlan[];
  offers: OfferPlan[];
  end: { kind: 'rejected'; at: number; reason: string } | { kind: 'hired'; at: number };
  /** Moments someone touched the application, for `updatedAt`. */
  touches: number[];
}

const PASS: Readonly<Record<StageKind, number>> = { review: 0.6, screen: 0.68, interview: 0.62, assessment: 0.7, onsite: 0.55, offer: 0.85, hired: 1 };

function videoLink(r: Random): string {
  return `https://meet.${DOMAIN}/${r.letters(3).toLowerCase()}-${r.letters(4).toLowerCase()}-${r.letters(3).toLowerCase()}`;
}

const FLOORS = ['1st', '2nd', '3rd', '4th', '5th'];

/** Plays the application forward from `appliedAt` until it is rejected or hired. */
function playStory(r: Random, job: Job, owner: Person, appliedAt: number, phone: string | null): Story {
  const { office, stages } = job;
  const entered: number[] = [];
  const interviews: InterviewPlan[] = [];
  const offers: OfferPlan[] = [];
  const touches: number[] = [appliedAt];
  const withInterviews = stages.map((stage): number => (stage.spec.sessions === undefined ? 0 : 1));
  const creator = job.recruiters[job.recruiters.length - 1] as Person;
  let t = appliedAt;

  const panelFor = (panel: Panel): Person[] => {
    const manager = job.hiringManagers[0] as Person;
    if (panel === 'recruiter') return [owner];
    if (panel === 'manager') return r.chance(0.3) ? [...new Set([manager, r.pick(job.team)])] : [manager];
    if (panel === 'final') return [...new Set([manager, ...r.sample(job.team, r.int(1, 2))])];
    return r.sample(job.team, r.int(1, 2));
  };
  const locationFor = (panel: Panel, onsite: boolean): string => {
    if (panel === 'recruiter') return phone !== null && r.chance(0.4) ? `Phone call: ${phone}` : videoLink(r);
    if (office.rooms.length > 0 && r.chance(onsite ? 0.65 : 0.25)) {
      return `${office.name}, Room ${r.pick(office.rooms)} (${r.pick(FLOORS)} floor)`;
    }
    return videoLink(r);
  };
  const schedule = (stage: Stage, subject: string, panel: Panel, createdAt: number, start: number, onsite: boolean): InterviewPlan => {
    const plan: InterviewPlan = {
      id: r.id(),
      subject,
      createdAt,
      start,
      end: start + (r.chance(0.5) ? 45 : 60) * MINUTE,
      stage,
      interviewers: panelFor(panel),
      location: locationFor(panel, onsite),
      creator: r.chance(0.8) ? creator : owner,
      cancelledAt: null,
      decidedAt: 0,
    };
    interviews.push(plan);
    touches.push(createdAt);
    return plan;
  };
  const reject = (reasons: readonly string[], at: number): Story => {
    touches.push(at);
    return { entered, interviews, offers, end: { kind: 'rejected', at, reason: r.pick(reasons) }, touches };
  };

  for (let k = 0; k < stages.length; k++) {
    const stage = stages[k] as Stage;
    const spec = stage.spec;
    entered.push(t);
    if (k > 0) touches.push(t);
    if (spec.kind === 'hired') return { entered, interviews, offers, end: { kind: 'hired', at: t }, touches };
    if (r.chance(k === 0 ? 0.01 : 0.04)) return reject(REASONS.withdrew, workTime(r, t + r.between(1, 6) * DAY, office));

    if (spec.kind === 'review') {
      const decided = workTime(r, t + (r.chance(0.2) ? r.between(5, 25) : r.between(0.1, 5)) * DAY, office);
      if (!r.chance(PASS.review)) return reject(REASONS.review, decided);
      t = decided;
    } else if (spec.kind === 'assessment') {
      const decided = workTime(r, t + r.between(3, 9) * DAY, office);
      if (!r.chance(PASS.assessment)) return reject(REASONS.assessment, decided);
      t = decided;
    } else if (spec.kind === 'offer') {
      let created = workTime(r, t + r.between(0.5, 3) * DAY, office);
      if (r.chance(0.15)) {
        const sent = workTime(r, created + r.between(1, 24) * HOUR, office);
        const revised = workTime(r, sent + r.between(2, 6) * DAY, office);
        offers.push({ id: r.id(), createdAt: created, sentAt: sent, closedAt: revised, outcome: 'DEPRECATED' });
        touches.push(created, sent);
        created = revised;
      }
      const sent = workTime(r, created + r.between(1, 30) * HOUR, office);
      const closed = workTime(r, sent + r.between(1, 8) * DAY, office);
      const accepted = r.chance(PASS.offer);
      offers.push({ id: r.id(), createdAt: created, sentAt: sent, closedAt: closed, outcome: accepted ? 'SIGNED' : 'DENIED' });
      touches.push(created, sent, closed);
      if (!accepted) return reject(REASONS.declined, closed);
      t = closed + r.between(0, 2) * DAY;
    } else {
      // screen, interview, onsite: schedule, maybe reschedule, then decide.
      const sessions = spec.sessions as NonNullable<StageSpec['sessions']>;
      const stillNeeded = withInterviews.slice(k + 1).reduce((a, b) => a + b, 0);
      let spare = MAX_INTERVIEWS - interviews.length - stillNeeded - 1;
      let createdAt = workTime(r, t + r.between(0.1, 2) * DAY, office);
      let start = officeSlot(r, createdAt, office, spec.kind === 'onsite' ? r.int(4, 10) : r.int(1, 6));
      if (spare > 0 && r.chance(0.08)) {
        const [subject, panel] = sessions[0] as readonly [string, Panel];
        const cancelled = schedule(stage, subject, panel, createdAt, start, spec.kind === 'onsite');
        const cancelledAt = createdAt + (start - createdAt) * r.between(0.2, 0.9);
        cancelled.cancelledAt = cancelledAt;
        cancelled.decidedAt = cancelledAt;
        touches.push(cancelledAt);
        spare--;
        createdAt = cancelledAt;
        start = officeSlot(r, start, office, r.int(2, 6));
      }
      const chosen = spec.kind === 'onsite' ? r.sample(sessions, 1 + Math.max(0, Math.min(spare, r.int(1, 2)))) : sessions.slice(0, 1);
      const planned: InterviewPlan[] = [];
      for (const [subject, panel] of chosen) {
        const plan = schedule(stage, subject, panel, createdAt, start, spec.kind === 'onsite');
        planned.push(plan);
        start = plan.end + (r.chance(0.5) ? 15 : 0) * MINUTE;
      }
      const lastEnd = (planned[planned.length - 1] as InterviewPlan).end;
      const decided = workTime(r, lastEnd + r.between(3, 96) * HOUR, office);
      for (const plan of planned) plan.decidedAt = decided;
      if (!r.chance(PASS[spec.kind])) return reject(spec.kind === 'screen' ? REASONS.screen : REASONS.interview, decided);
      t = decided;
    }
  }
  throw new Error('unreachable: every pipeline ends with Hired');
}

// ---------------------------------------------------------------------------------
// Attachments: real, small files

const CRC_TABLE = (() => {
  const table = new Uint32Array(256);
  for (let n = 0; n < 256; n++) {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    table[n] = c >>> 0;
  }
  return table;
})();

function crc32(bytes: Uint8Array): number {
  let c = 0xffffffff;
  for (const byte of bytes) c = (CRC_TABLE[(c ^ byte) & 0xff] as number) ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

function pngChunk(type: string, data: Buffer): Buffer {
  const body = Buffer.concat([Buffer.from(type, 'latin1'), data]);
  const out = Buffer.alloc(body.length + 8);
  out.writeUInt32BE(data.length, 0);
  body.copy(out, 4);
  out.writeUInt32BE(crc32(body), body.length + 4);
  return out;
}

const AVATAR_COLOURS: readonly (readonly [number, number, number])[] = [
  [0x3b, 0x82, 0xf6], [0x10, 0xb9, 0x81], [0xf5, 0x9e, 0x0b], [0xef, 0x44, 0x44], [0x8b, 0x5c, 0xf6],
  [0x06, 0xb6, 0xd4], [0xec, 0x48, 0x99], [0x64, 0x74, 0x8b], [0x84, 0xcc, 0x16], [0xf9, 0x73, 0x16],
];
const SKIN: readonly (readonly [number, number, number])[] = [[0xf6, 0xd7, 0xb8], [0xe0, 0xac, 0x7d], [0xb9, 0x7a, 0x50], [0x8d, 0x55, 0x24], [0x5c, 0x3a, 0x21]];

/** A 48x48 avatar: coloured background, a head and shoulders. */
function avatarPng(background: readonly [number, number, number], skin: readonly [number, number, number]): Buffer {
  const size = 48;
  const shirt = background.map((v) => Math.round(v * 0.55)) as [number, number, number];
  const raw = Buffer.alloc(size * (size * 3 + 1));
  for (let y = 0; y < size; y++) {
    const row = y * (size * 3 + 1);
    raw[row] = 0;
    for (let x = 0; x < size; x++) {
      const head = (x - 23.5) ** 2 + (y - 19) ** 2 <= 9.5 ** 2;
      const body = ((x - 23.5) / 18) ** 2 + ((y - 48) / 16) ** 2 <= 1;
      const [red, green, blue] = head ? skin : body ? shirt : background;
      raw[row + 1 + x * 3] = red;
      raw[row + 2 + x * 3] = green;
      raw[row + 3 + x * 3] = blue;
    }
  }
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(size, 0);
  ihdr.writeUInt32BE(size, 4);
  ihdr[8] = 8; // bit depth
  ihdr[9] = 2; // truecolour
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    pngChunk('IHDR', ihdr),
    pngChunk('IDAT', deflateSync(raw)),
    pngChunk('IEND', Buffer.alloc(0)),
  ]);
}

let avatarCache: string[] | null = null;

/** Base64 of one of the avatar variants; built once, since deflate is the slow part. */
function avatarBase64(r: Random): string {
  avatarCache ??= AVATAR_COLOURS.flatMap((colour) => SKIN.map((skin) => avatarPng(colour, skin).toString('base64')));
  return r.pick(avatarCache);
}

const PDF_FOLD: Readonly<Record<string, string>> = {
  '\u2013': '-', '\u2014': '-', '\u2018': "'", '\u2019': "'", '\u201c': '"', '\u201d': '"', '\u2022': '-', '\u2026': '...', '\u00a0': ' ',
};

const PRINTABLE_ASCII = /^[\x20-\x7e]*$/;
const PDF_STRING_SPECIALS = /[()\\]/g;

/**
 * A PDF literal string in WinAnsi (Latin-1 letters as octal escapes, so the file stays
 * ASCII); other scripts are folded to Latin letters or replaced with `?`.
 */
function pdfString(text: string): string {
  if (PRINTABLE_ASCII.test(text)) return `(${text.replace(PDF_STRING_SPECIALS, '\\$&')})`;
  let out = '(';
  for (const ch of text) {
    let mapped = PDF_FOLD[ch] ?? ch;
    if (mapped.length === 1 && mapped.charCodeAt(0) > 0xff) mapped = asciiFold(mapped);
    for (const c of mapped) {
      const code = c.charCodeAt(0);
      if (c === '(' || c === ')' || c === '\\') out += `\\${c}`;
      else if (code >= 0x20 && code < 0x7f) out += c;
      else if (code >= 0xa0 && code <= 0xff) out += `\\${code.toString(8)}`;
      else out += '?';
    }
  }
  return `${out})`;
}

type PdfLine = { text: string; size?: number; bold?: boolean; gap?: number; indent?: number } | { rule: true; gap?: number };

const PDF_HEAD = '%PDF-1.4\n%\u00e2\u00e3\u00cf\u00d3\n';
const PDF_FIXED = [
  '<< /Type /Catalog /Pages 2 0 R >>',
  '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
  '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 4 0 R /F2 5 0 R >> >> /Contents 6 0 R >>',
  '<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>',
  '<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica-Bold /Encoding /WinAnsiEncoding >>',
];
/**
 * Objects 1-5 never change: only the content stream and the info dictionary do. The
 * prefix is padded to a multiple of 3 bytes so its base64 can be computed once and
 * prepended to the base64 of the rest.
 */
const PDF_PREFIX = (() => {
  let text = PDF_HEAD;
  const offsets: number[] = [];
  PDF_FIXED.forEach((body, i) => {
    offsets.push(text.length);
    text += `${i + 1} 0 obj\n${body}\nendobj\n`;
  });
  while (text.length % 3 !== 0) text += '\n';
  return { text, offsets, base64: Buffer.from(text, 'latin1').toString('base64') };
})();

function pdfDate(ms: number): string {
  return `D:${iso(ms).replace(/[-:T]/g, '').slice(0, 14)}Z`;
}

/** A one-page A4 PDF 1.4 with a correct xref table, returned as base64. */
function pdfBase64(title: string, author: string, createdAt: number, lines: readonly PdfLine[]): string {
  let content = '';
  let y = 790;
  for (const line of lines) {
    if ('rule' in line) {
      y -= line.gap ?? 8;
      content += `0.6 w 0.55 G 56 ${y} m 539 ${y} l S\n`;
      y -= 6;
      continue;
    }
    const size = line.size ?? 10;
    y -= line.gap ?? Math.round(size * 1.45);
    content += `BT /${line.bold === true ? 'F2' : 'F1'} ${size} Tf ${56 + (line.indent ?? 0)} ${y} Td ${pdfString(line.text)} Tj ET\n`;
  }
  const start = PDF_PREFIX.text.length;
  const offsets = [...PDF_PREFIX.offsets];
  offsets.push(start);
  let text = `6 0 obj\n<< /Length ${content.length} >>\nstream\n${content}endstream\nendobj\n`;
  offsets.push(start + text.length);
  text += `7 0 obj\n<< /Title ${pdfString(title)} /Author ${pdfString(author)} /Creator (${COMPANY} ATS) /CreationDate (${pdfDate(createdAt)}) >>\nendobj\n`;
  const xref = start + text.length;
  text += `xref\n0 ${offsets.length + 1}\n0000000000 65535 f \n`;
  for (const offset of offsets) text += `${pad(offset, 10)} 00000 n \n`;
  text += `trailer\n<< /Size ${offsets.length + 1} /Root 1 0 R /Info 7 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
  return PDF_PREFIX.base64 + Buffer.from(text, 'latin1').toString('base64');
}

interface Profile {
  name: PersonName;
  email: string;
  phone: string | null;
  location: string;
  locale: Locale;
  family: Family;
  /** The candidate's current title and employer. */
  title: string;
  employer: string;
  years: number;
}

function resumeLines(r: Random, p: Profile): PdfLine[] {
  const { family } = p;
  const fullName = `${p.name.latinFirst} ${p.name.latinLast}`;
  const contact = [p.email, p.phone, p.location].filter((part) => part !== null).join('  |  ');
  const year = new Date(NOW).getUTCFullYear();
  const since = year - r.int(1, Math.max(1, Math.min(5, p.years)));
  const previousEmployer = r.pick(EMPLOYERS.filter(([name]) => name !== p.employer))[0];
  const previousTitle = r.pick(family.roles);
  const graduated = year - p.years - r.int(0, 1);
  const lines: PdfLine[] = [
    { text: fullName, size: 20, bold: true, gap: 0 },
    { text: p.title, size: 12, gap: 20 },
    { text: contact, size: 9, gap: 15 },
    { rule: true },
    { text: 'SUMMARY', size: 11, bold: true, gap: 16 },
  ];
  for (const text of wrap(`${r.pick(family.summaries)} ${p.years} years of experience, most recently at ${p.employer}.`, 95)) lines.push({ text });
  lines.push({ text: 'EXPERIENCE', size: 11, bold: true, gap: 22 });
  lines.push({ text: `${p.title}, ${p.employer}  (${since} - present)`, bold: true, gap: 16 });
  for (const bullet of r.sample(family.bullets, 2)) lines.push({ text: `- ${bullet}`, indent: 10 });
  lines.push({ text: `${previousTitle}, ${previousEmployer}  (${graduated + 1} - ${since})`, bold: true, gap: 18 });
  for (const bullet of r.sample(family.bullets, 2)) lines.push({ text: `- ${bullet}`, indent: 10 });
  lines.push({ text: 'EDUCATION', size: 11, bold: true, gap: 22 });
  lines.push({ text: `${r.pick(family.degrees)}, ${r.pick(p.locale.universities)}  (${graduated - 3} - ${graduated})`, gap: 16 });
  lines.push({ text: 'SKILLS', size: 11, bold: true, gap: 22 });
  for (const text of wrap(r.sample(family.skills, r.int(5, 8)).join(', '), 95)) lines.push({ text, gap: 16 });
  return lines;
}

function coverLetterText(r: Random, p: Profile, job: Job, date: number): string {
  const fullName = `${p.name.first} ${p.name.last}`;
  const greeting = r.pick(['Dear Hiring Team,', `Dear ${COMPANY} team,`, 'Dear Hiring Manager,']);
  const closing = r.pick(['Kind regards,', 'Best regards,', 'Sincerely,', 'Thank you,']);
  return [
    fullName,
    p.location,
    [p.email, p.phone].filter((part) => part !== null).join(' · '),
    '',
    longDate(date),
    '',
    greeting,
    '',
    `I am writing to apply for the ${job.title} position ${job.office.where}. For the past ${p.years} years I have worked as a ${p.title}, currently at ${p.employer}, where I ${r.pick(job.family.bullets).replace(/\.$/, '').replace(/^./, (c) => c.toLowerCase())}.`,
    '',
    `I would describe myself as ${withArticle(r.pick(job.family.summaries))} What draws me to ${COMPANY} is the chance to work on tools that make hiring fairer, and a team that clearly cares about the craft.`,
    '',
    `I would welcome the chance to talk about how I could contribute to the ${job.family.department} team.`,
    '',
    closing,
    fullName,
    '',
  ].join('\n');
}

function offerLetterLines(p: Profile, job: Job, offer: OfferPlan, manager: Person, salary: number): PdfLine[] {
  let startDay = Math.floor(offer.sentAt / DAY) + 28;
  while ((startDay + 4) % 7 !== 1) startDay++;
  const start = startDay * DAY;
  const lines: PdfLine[] = [
    { text: job.office.entity, size: 16, bold: true, gap: 0 },
    { text: job.office.location, size: 9, gap: 14 },
    { rule: true },
    { text: longDate(offer.sentAt), gap: 24 },
    { text: `Dear ${p.name.latinFirst} ${p.name.latinLast},`, gap: 28 },
  ];
  const body = [
    `We are delighted to offer you the position of ${job.title} in our ${job.family.department} team, ${job.office.rooms.length > 0 ? 'based' : 'working'} ${job.office.where}.`,
    `Your annual base salary will be ${formatMoney(salary, job.office.currency)}, paid monthly, with an equity grant and benefits as described in the enclosed summary. We propose a start date of ${longDate(start)}.`,
    `This offer is valid for seven days. Please sign and return this letter to confirm your acceptance.`,
  ];
  for (const paragraph of body) {
    wrap(paragraph, 92).forEach((text, i) => lines.push({ text, gap: i === 0 ? 24 : 14 }));
  }
  lines.push({ text: 'We very much look forward to working with you.', gap: 24 });
  lines.push({ text: 'Sincerely,', gap: 28 });
  lines.push({ text: `${manager.name.latinFirst} ${manager.name.latinLast}`, bold: true, gap: 40 });
  lines.push({ text: `Hiring Manager, ${job.family.department}`, size: 9, gap: 13 });
  lines.push({ text: 'Accepted: ______________________________   Date: ______________', gap: 60 });
  return lines;
}

// ---------------------------------------------------------------------------------
// One application

type Json = Record<string, unknown>;

function buildApplication(world: World, seedKey: string, index: number): Json {
  const r = new Random(`${seedKey}\u0000application\u0000${index}`);
  const job = pickJob(r, world);
  const locale = r.weighted(LOCALE_WEIGHTS);
  const name = personName(r, locale);
  const applicationId = r.id();
  const candidateId = r.id();

  // Contacts
  const [homeCity, homeCountry] = r.pick(locale.cities);
  const movedToOffice = job.office.rooms.length > 0 && r.chance(0.18);
  const location = movedToOffice ? job.office.location.replace(/, [^,]+, /, ', ') : `${homeCity}, ${COUNTRIES[homeCountry].name}`;
  const first = handle(name.latinFirst, locale.german);
  const last = handle(name.latinLast, locale.german);
  const domain = r.pick(locale.mail);
  const year = String(r.int(78, 103) % 100).padStart(2, '0');
  const local =
    domain === 'qq.com'
      ? `${r.int(1, 9)}${r.digits(r.int(7, 9))}`
      : r.weighted([
          [`${first}.${last}`, 5], [`${first}${last}`, 2], [`${first[0]}${last}`, 2], [`${first}.${last}${year}`, 2],
          [`${last}.${first}`, 1], [`${first}_${last}`, 1], [`${first}${last}${r.int(1, 99)}`, 1],
        ] as const);
  const emails = [{ type: 'PERSONAL', email: `${local}@${domain}` }];
  const [employer, employerDomain] = r.pick(EMPLOYERS);
  if (r.chance(0.18)) emails.push({ type: 'WORK', email: `${first}.${last}@${employerDomain}` });
  const phones: { type: string; phoneNumber: string }[] = [];
  const mobileCountry = movedToOffice && r.chance(0.5) ? job.office.country : homeCountry;
  if (r.chance(0.93)) phones.push({ type: 'PERSONAL', phoneNumber: phoneNumber(r, mobileCountry) });
  if (r.chance(0.12)) phones.push({ type: 'WORK', phoneNumber: phoneNumber(r, homeCountry) });
  if (r.chance(0.04)) phones.push({ type: 'SKYPE', phoneNumber: `live:.cid.${r.digits(4)}${r.letters(4).toLowerCase()}${r.digits(4)}` });
  const links: string[] = [];
  const nick = r.pick([`${first}${last}`, `${first[0]}${last}`, `${first}-${last}`, `${last}${first[0]}`, `${first}${r.int(1, 99)}`]);
  if (r.chance(0.8)) {
    const linkedin = `www.linkedin.com/in/${first}-${last}-${r.int(0x1000000, 0xfffffff).toString(16)}`;
    links.push(r.chance(0.08) ? linkedin : `https://${linkedin}`);
  }
  const family = job.family;
  if (family.links === 'code') {
    if (r.chance(0.6)) links.push(`https://github.com/${nick}`);
    if (r.chance(0.12)) links.push(`https://${nick}.github.io`);
  } else if (family.links === 'design') {
    links.push(r.chance(0.5) ? `https://dribbble.com/${nick}` : `https://www.behance.net/${nick}`);
  } else if (family.links === 'data') {
    if (r.chance(0.4)) links.push(`https://github.com/${nick}`);
    if (r.chance(0.15)) links.push(`https://www.kaggle.com/${nick}`);
  } else if (r.chance(0.06)) links.push(`https://medium.com/@${nick}`);

  // Who
  const origin = r.weighted([['EXTERNAL', 65], ['REFERRAL', 20], ['AGENCY', 15]] as const);
  const owner = r.chance(0.85) ? (job.recruiters[0] as Person) : r.pick(world.recruiters);
  const creditedTo = origin === 'REFERRAL' ? r.pick(world.everyone) : origin === 'EXTERNAL' && r.chance(0.3) ? r.pick(world.recruiters) : owner;

  // When: most applications are recent; a closed job stopped taking them when it closed.
  const bound = job.closedAt ?? NOW;
  const earliest = Math.max(job.createdAt + HOUR, Math.min(NOW - 330 * DAY, bound - 45 * DAY));
  const appliedAt = Math.max(earliest, bound - (bound - earliest) * r.next() ** 2.6 - r.between(1, 20) * HOUR);
  const story = playStory(r, job, owner, appliedAt, phones[0]?.phoneNumber ?? null);

  // What had happened by `bound`; a closed job rejects whoever was still in process.
  const cut = story.end.at <= bound ? story.end.at : bound;
  const stillOpen = story.end.at > bound;
  const closedOut = stillOpen && job.closedAt !== null;
  const rejectedAt = closedOut ? Math.min(NOW - HOUR, workTime(r, bound + r.between(0, 2) * DAY, job.office)) : null;
  let stageIndex = 0;
  while (stageIndex + 1 < story.entered.length && (story.entered[stageIndex + 1] as number) <= cut) stageIndex++;
  const status = stillOpen ? (closedOut ? 'REJECTED' : 'ACTIVE') : story.end.kind === 'hired' ? 'HIRED' : 'REJECTED';

  const interviews = story.interviews
    .filter((plan) => plan.createdAt <= cut)
    .map((plan) => {
      let interviewStatus: string;
      if (plan.cancelledAt !== null && plan.cancelledAt <= cut) interviewStatus = 'CANCELLED';
      else if (plan.decidedAt <= cut) interviewStatus = 'COMPLETE';
      else if (plan.end <= cut) interviewStatus = closedOut ? 'COMPLETE' : 'AWAITING_FEEDBACK';
      else interviewStatus = closedOut ? 'CANCELLED' : 'SCHEDULED';
      return {
        id: plan.id,
        subject: plan.subject,
        createdAt: iso(plan.createdAt),
        scheduledStart: iso(plan.start),
        scheduledEnd: iso(plan.end),
        stage: stageOf(plan.stage),
        interviewers: plan.interviewers.map(user),
        location: plan.location,
        creator: user(plan.creator),
        status: interviewStatus,
      };
    });
  const offerPlans = story.offers.filter((offer) => offer.createdAt <= cut);
  const offers = offerPlans.map((offer) => {
    const closed = offer.closedAt <= cut;
    return {
      id: offer.id,
      status: closed ? offer.outcome : closedOut ? 'DEPRECATED' : 'IN_PROGRESS',
      createdAt: iso(offer.createdAt),
      sentAt: offer.sentAt <= cut ? iso(offer.sentAt) : null,
      closedAt: closed ? iso(offer.closedAt) : rejectedAt !== null ? iso(rejectedAt) : null,
    };
  });
  let rejection: Json = {};
  if (status === 'REJECTED') {
    const at = rejectedAt ?? story.end.at;
    const reason = rejectedAt !== null ? r.pick(REASONS.closed) : story.end.kind === 'rejected' ? story.end.reason : '';
    rejection = { id: r.id(), text: reason, rejectedAt: iso(at) };
  }
  let updatedAt = appliedAt;
  for (const touch of story.touches) if (touch <= cut && touch > updatedAt) updatedAt = touch;
  if (rejectedAt !== null) updatedAt = rejectedAt;

  // Attachments
  const years = r.int(1, 14);
  const seniorLevels = family.levels.map(([level]) => level).filter((level) => level !== '' && level !== 'Junior ');
  const level = years >= 9 ? r.pick(seniorLevels) : years >= 5 ? r.pick(['Senior ', '']) : '';
  const profile: Profile = {
    name, locale, family, employer, years,
    email: (emails[0] as { email: string }).email,
    phone: phones.find((phone) => phone.type !== 'SKYPE')?.phoneNumber ?? null,
    location,
    title: `${level}${r.pick(family.roles)}`,
  };
  const attachments = buildAttachments(r, profile, job, appliedAt, offerPlans.filter((offer) => offer.sentAt <= cut));

  return {
    info: {
      id: applicationId,
      status,
      candidate: { id: candidateId, firstName: name.first, lastName: name.last, phones, emails, links, location },
      origin,
      appliedAt: iso(appliedAt),
      updatedAt: iso(updatedAt),
      jobId: job.id,
      owner: user(owner),
      creditedTo: user(creditedTo),
    },
    currentStage: stageOf(job.stages[stageIndex] as Stage),
    interviews,
    rejection,
    offers,
    attachments,
  };
}

function fileStem(name: PersonName, r: Random): string {
  // Most people name files in Latin letters; some keep their diacritics (never another script).
  const keep = name.first === name.latinFirst && name.last === name.latinLast && r.chance(0.3);
  const firstName = keep ? name.first : asciiFold(name.latinFirst);
  const lastName = keep ? name.last : asciiFold(name.latinLast);
  return `${firstName}_${lastName}`.replace(/\s+/g, '_').replace(/'/g, '');
}

function buildAttachments(r: Random, p: Profile, job: Job, appliedAt: number, sentOffers: OfferPlan[]): Json[] {
  type Kind = 'resume' | 'cover' | 'photo' | 'offer';
  const wanted: Kind[] = [];
  if (r.chance(0.9)) wanted.push('resume');
  if (r.chance(0.3)) wanted.push('cover');
  if (r.chance(['de', 'fr', 'pl'].includes(p.locale.key) ? 0.3 : 0.08)) wanted.push('photo');
  const sent = sentOffers[sentOffers.length - 1];
  if (sent !== undefined) wanted.push('offer');
  while (wanted.length > 3) wanted.splice(wanted.includes('photo') ? wanted.indexOf('photo') : wanted.indexOf('cover'), 1);
  // Half of the applications carry file content; the rest only links, as many ATSs send.
  const withContent = r.chance(0.5);
  if (withContent && wanted.length === 0) wanted.push('resume');
  const inline = wanted.map(() => withContent && r.chance(0.75));
  if (withContent && !inline.includes(true)) inline[0] = true;

  const stem = fileStem(p.name, r);
  // Files are uploaded just before the application is submitted.
  const submitted = appliedAt - r.between(5, 120) * 1000;
  return wanted.map((kind, i) => {
    const content = inline[i] === true;
    let type: string;
    let name: string;
    let createdAt = submitted;
    let base64: () => string;
    if (kind === 'resume') {
      type = 'RESUME';
      const word = r.pick(['Resume', 'CV', 'CV', 'Resume']);
      const ext = content ? 'pdf' : r.pick(['pdf', 'pdf', 'pdf', 'docx']);
      name = r.pick([`${stem}_${word}.${ext}`, `${word}_${stem}.${ext}`, `${stem.replace(/_/g, ' ')} - ${word}.${ext}`, `${stem.toLowerCase()}-${word.toLowerCase()}-2026.${ext}`]);
      base64 = () => pdfBase64(`${p.name.latinFirst} ${p.name.latinLast} - ${word}`, `${p.name.latinFirst} ${p.name.latinLast}`, submitted, resumeLines(r, p));
    } else if (kind === 'cover') {
      type = 'COVER_LETTER';
      const asText = content ? r.chance(0.7) : false;
      const ext = asText ? 'txt' : content ? 'pdf' : r.pick(['pdf', 'docx']);
      name = `Cover_Letter_${stem}.${ext}`;
      base64 = asText
        ? () => Buffer.from(coverLetterText(r, p, job, submitted), 'utf8').toString('base64')
        : () => {
            const letter = coverLetterText(r, p, job, submitted).split('\n');
            const lines: PdfLine[] = letter.slice(0, 3).map((text, j) => ({ text, size: j === 0 ? 14 : 9, bold: j === 0, gap: j === 0 ? 0 : 13 }));
            for (const paragraph of letter.slice(4)) {
              if (paragraph === '') continue;
              wrap(paragraph, 95).forEach((text, j) => lines.push({ text, gap: j === 0 ? 22 : 14 }));
            }
            return pdfBase64(`Cover letter - ${job.title}`, `${p.name.latinFirst} ${p.name.latinLast}`, submitted, lines);
          };
    } else if (kind === 'photo') {
      type = 'NOT_SPECIFIED';
      name = `${stem}_photo.${content ? 'png' : r.pick(['png', 'jpg'])}`;
      base64 = () => avatarBase64(r);
    } else {
      const offer = sent as OfferPlan;
      type = 'OFFER_LETTER';
      createdAt = offer.sentAt - r.between(5, 60) * MINUTE;
      name = `Offer_Letter_${stem}.pdf`;
      const salary = Math.round((job.family.salary * (/^(Senior|Lead)/.test(job.title) ? 1.3 : /^(Staff|Principal)/.test(job.title) ? 1.6 : /^Junior/.test(job.title) ? 0.75 : 1) * job.office.pay * r.between(0.92, 1.1))) * 1000;
      const manager = job.hiringManagers[0] as Person;
      base64 = () => pdfBase64(`Offer letter - ${job.title}`, `${COMPANY} People Team`, createdAt, offerLetterLines(p, job, offer, manager, salary));
    }
    const attachment: Json = { type, name };
    if (content) attachment.attachmentContent = { content: base64(), encoding: 'BASE64' };
    else attachment.link = `${FILES_URL}/attachments/${r.id(20)}/${encodeURIComponent(name)}`;
    attachment.createdAt = iso(createdAt);
    return attachment;
  });
}

// ---------------------------------------------------------------------------------
// The events

function* generate(count: number, seedKey: string): Generator<Record<string, unknown>> {
  const world = buildWorld(seedKey);
  const tag = `demo_${world.seedHash}`;
  for (const [i, job] of world.jobs.entries()) {
    yield {
      eventId: `ev_${tag}_job_${pad(i + 1, 4)}`,
      eventType: 'record.new',
      eventData: job.event,
      syncType: 'initial_sync',
      syncDataType: 'ats_jobs',
      syncJobId: `sj_${tag}_jobs`,
      syncRunId: `sr_${tag}_jobs_1`,
      recordId: job.id,
    };
  }
  for (let i = 0; i < count; i++) {
    const eventData = buildApplication(world, seedKey, i);
    yield {
      eventId: `ev_${tag}_app_${pad(i + 1, 6)}`,
      eventType: 'record.new',
      eventData,
      syncType: 'initial_sync',
      syncDataType: 'ats_applications',
      syncJobId: `sj_${tag}_applications`,
      syncRunId: `sr_${tag}_applications_1`,
      recordId: (eventData.info as { id: string }).id,
    };
  }
  yield {
    eventId: `ev_${tag}_sync_applications_1`,
    eventType: 'sync.events.processed',
    eventData: {
      status: 'processed',
      processed: count,
      emitted: count,
      startedAt: String(NOW),
      processedAt: String(NOW + 1500 + count * 4),
      complete: true,
    },
    syncType: 'initial_sync',
    syncDataType: 'ats_applications',
    syncJobId: `sj_${tag}_applications`,
    syncRunId: `sr_${tag}_applications_1`,
  };
}

/**
 * Yields raw upstream events: first one `ats_jobs` record.new per job, then `count`
 * ats_applications record.new events, then one `sync.events.processed` event for the
 * applications run. Same options -> byte-identical events (eventIds included).
 * Application i depends only on (seed, i), so a smaller count gives a prefix of a larger one.
 * Options are checked when called, not at the first `next()`.
 */
export function demoEvents(options: DemoOptions): Generator<Record<string, unknown>> {
  const { count, seed } = options;
  if (typeof count !== 'number' || !Number.isInteger(count) || count < 0) {
    throw new RangeError(`demo count must be a whole number of 0 or more, got ${String(count)}`);
  }
  return generate(count, String(seed));
}

/** The demo as source items for the import pipeline, named `demo:<n>` for error reports. */
export function* demoSourceItems(options: DemoOptions): Generator<SourceItem> {
  let n = 0;
  for (const value of demoEvents(options)) yield { source: `demo:${++n}`, value };
}
