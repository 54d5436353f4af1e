/** How the demo writes names into handles and addresses, and money into letters. */

const FOLD: Readonly<Record<string, string>> = {
  ł: 'l', Ł: 'L', đ: 'd', Đ: 'D', ø: 'o', Ø: 'O', æ: 'ae', Æ: 'AE', œ: 'oe', Œ: 'OE', ß: 'ss', ı: 'i', þ: 'th', Þ: 'Th',
};
const GERMAN_FOLD: Readonly<Record<string, string>> = { ä: 'ae', ö: 'oe', ü: 'ue', Ä: 'Ae', Ö: 'Oe', Ü: 'Ue' };

/** Latin letters without diacritics, as people type their names into email addresses. */
export function asciiFold(text: string, german = false): string {
  let out = '';
  for (const ch of text) out += (german ? GERMAN_FOLD[ch] : undefined) ?? FOLD[ch] ?? ch;
  return out.normalize('NFD').replace(/[\u0300-\u036f]/g, '');
}

/** Lower-case letters and digits only: for email local parts, handles and slugs. */
export function handle(text: string, german = false): string {
  return asciiFold(text, german).toLowerCase().replace(/[^a-z0-9]/g, '');
}

export function slug(text: string): string {
  return asciiFold(text).toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '');
}

export function pad(n: number, width: number): string {
  return String(n).padStart(width, '0');
}

/** "12,400". */
export function grouped(n: number): string {
  return String(Math.round(n)).replace(/\B(?=(\d{3})+(?!\d))/g, ',');
}

export function formatMoney(amount: number, currency: string): string {
  const digits = String(Math.round(amount));
  // Indian grouping (lakh/crore) is what an Indian offer letter shows.
  const text = currency === 'INR' && digits.length > 3 ? digits.slice(0, -3).replace(/\B(?=(\d{2})+(?!\d))/g, ',') + ',' + digits.slice(-3) : grouped(amount);
  return `${currency} ${text}`;
}

/** "Engineer who..." -> "an engineer who...", for a summary used inside a sentence. */
export function withArticle(phrase: string): string {
  const lowered = /^.[a-z]/.test(phrase) ? phrase[0]?.toLowerCase() + phrase.slice(1) : phrase;
  return `${/^[aeiouAEIOU]/.test(lowered) ? 'an' : 'a'} ${lowered}`;
}

/** "Cut churn by 18%." -> "cut churn by 18%", to continue a sentence. */
export function asClause(sentence: string): string {
  return sentence.replace(/\.$/, '').replace(/^./, (c) => c.toLowerCase());
}

/** "a, b and c". */
export function listing(items: readonly string[]): string {
  if (items.length <= 1) return items.join('');
  return `${items.slice(0, -1).join(', ')} and ${items[items.length - 1]}`;
}

/** "a Senior Engineer", "an Engineering Manager": the article for a title kept as written. */
export function indefinite(text: string): string {
  return `${/^[AEIOUaeiou]/.test(text) ? 'an' : 'a'} ${text}`;
}
