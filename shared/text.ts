/** Text helpers shared by both sides. */

/** Letters that Unicode does not decompose into a base letter plus an accent. */
const FOLD: Readonly<Record<string, string>> = { ł: 'l', ø: 'o', đ: 'd', ð: 'd', þ: 'th', ß: 'ss', æ: 'ae', œ: 'oe', ı: 'i' };

/** A key that sorts names the way a person expects across languages: accents and case ignored. */
export function sortKey(text: string): string {
  // Most names and subjects are plain ASCII: nothing to decompose or fold.
  if (/^[\x00-\x7f]*$/.test(text)) return text.toLowerCase();
  return text
    .normalize('NFKD')
    .replace(/\p{M}+/gu, '')
    .toLowerCase()
    .replace(/[łøđðþßæœı]/g, (ch) => FOLD[ch] ?? ch);
}
