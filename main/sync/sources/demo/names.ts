/** Who the demo's people are: locales with their names, cities, mail providers and universities; countries and their phone numbers. */
import { asciiFold } from './format.js';
import type { Random } from './random.js';

export interface Country {
  name: string;
  phones: readonly string[];
}

/** Phone patterns: `#` a digit, `%` a digit 2-9. US/CA/GB use the ranges reserved for fiction. */
export const COUNTRIES = {
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
export type CountryCode = keyof typeof COUNTRIES;

export function phoneNumber(r: Random, country: CountryCode): string {
  const pattern = r.pick(COUNTRIES[country].phones);
  let out = '';
  for (const ch of pattern) out += ch === '#' ? String(r.int(0, 9)) : ch === '%' ? String(r.int(2, 9)) : ch;
  // Plenty of candidates type their number without any spacing.
  return r.chance(0.12) ? out.replace(/[\s()-]/g, '') : out;
}

export interface Locale {
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
  /** Mother tongues, the first the most common; a résumé lists one beside English. */
  languages: readonly string[];
}

export const LOCALES: readonly Locale[] = [
  {
    key: 'en',
    languages: ['English'],
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
    languages: ['Spanish', 'Catalan'],
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
    languages: ['Hindi', 'Tamil', 'Kannada', 'Marathi', 'Bengali', 'Telugu', 'Malayalam'],
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
    languages: ['Mandarin Chinese', 'Cantonese'],
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
    languages: ['Yoruba', 'Igbo', 'Hausa'],
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
    languages: ['German'],
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
    languages: ['Polish'],
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
    languages: ['Japanese'],
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
    languages: ['Portuguese'],
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
    languages: ['Arabic'],
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
    languages: ['Vietnamese'],
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
    languages: ['French'],
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
    languages: ['Swedish', 'Danish', 'Norwegian'],
    weight: 3,
    female: ['Freja', 'Ingrid', 'Astrid', 'Sigrid', 'Elin', 'Maja', 'Ebba', 'Saga', 'Linnéa', 'Ida', 'Karin', 'Sofie', 'Åsa', 'Liv'],
    male: ['Søren', 'Mikkel', 'Magnus', 'Lars', 'Oskar', 'Bjørn', 'Erik', 'Anders', 'Henrik', 'Nils', 'Jesper', 'Rasmus', 'Emil', 'Håkon'],
    last: ['Jensen', 'Nielsen', 'Andersson', 'Johansson', 'Hansen', 'Lindqvist', 'Bergström', 'Sørensen', 'Håkansson', 'Ødegaard', 'Larsen', 'Karlsson', 'Eriksson', 'Pedersen', 'Lindberg', 'Nyström'],
    cities: [['Stockholm', 'SE'], ['Göteborg', 'SE'], ['Malmö', 'SE'], ['Copenhagen', 'DK'], ['Aarhus', 'DK'], ['Oslo', 'NO'], ['Bergen', 'NO']],
    mail: ['gmail.com', 'outlook.com', 'hotmail.com', 'live.se', 'icloud.com'],
    universities: ['KTH Royal Institute of Technology', 'University of Copenhagen', 'Aarhus University', 'NTNU', 'Lund University'],
  },
];
export const LOCALE_WEIGHTS = LOCALES.map((locale) => [locale, locale.weight] as const);

export interface PersonName {
  /** As stored in the ATS (possibly native script). */
  first: string;
  last: string;
  /** Latin script, for emails, file names and PDFs. */
  latinFirst: string;
  latinLast: string;
}

export function personName(r: Random, locale: Locale): PersonName {
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

const NORDIC_LANGUAGES: Partial<Record<CountryCode, string>> = { SE: 'Swedish', DK: 'Danish', NO: 'Norwegian' };

/** The language a candidate from `locale`, living in `country`, grew up with. */
export function motherTongue(r: Random, locale: Locale, country: CountryCode): string {
  const local = locale.key === 'nordic' ? NORDIC_LANGUAGES[country] : undefined;
  if (local !== undefined) return local;
  return r.chance(0.8) ? (locale.languages[0] as string) : r.pick(locale.languages);
}
