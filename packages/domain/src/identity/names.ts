/**
 * Name normalisation for search and duplicate warnings. Offices transliterate the same Arabic,
 * Tigrinya, Somali or Cyrillic name differently (Mohammad / Muhammed / Mohamad; Al-Hassan / Alhasan;
 * Oleksandr / Aleksandr), so two forms are kept per name:
 *  - `normaliseName`: lower case, no diacritics, no punctuation — what trigram similarity runs on;
 *  - `nameKey`: a consonant skeleton per word (articles al-/el-/ul- dropped, vowels after the first
 *    letter dropped, double letters collapsed, common digraphs folded) — equal for most variants.
 */
export function normaliseName(input: string): string {
  return input
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/ø/g, 'o')
    .replace(/æ/g, 'ae')
    .replace(/å/g, 'a')
    .replace(/ß/g, 'ss')
    .replace(/['’‘`´ʼʻ]/g, '')
    .replace(/[^a-z0-9\u0400-\u04ff\u0600-\u06ff\u1200-\u137f ]+/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}

const ARTICLE = /^(al|el|ul)(?=[b-df-hj-np-tv-z][a-z]{2,})/;

function wordKey(word: string): string {
  let w = word.replace(ARTICLE, '');
  w = w
    .replace(/ph/g, 'f')
    .replace(/th/g, 't')
    .replace(/kh/g, 'k')
    .replace(/gh/g, 'g')
    .replace(/sh|sch|ch/g, 's')
    .replace(/dh/g, 'd')
    .replace(/q|ck|c(?=[aou])/g, 'k')
    .replace(/c/g, 's')
    .replace(/z/g, 's')
    .replace(/w/g, 'v')
    .replace(/j|y/g, 'i');
  const first = w[0] ?? '';
  const rest = w.slice(1).replace(/[aeiou]/g, '');
  const skeleton = (/[aeiou]/.test(first) ? 'a' : first) + rest;
  return skeleton.replace(/(.)\1+/g, '$1');
}

export function nameKey(input: string): string {
  return normaliseName(input)
    .replace(/\b(al|el|ul|abu|bin|ibn|bint) (?=\S)/g, (m) => (m.startsWith('a') || m.startsWith('e') || m.startsWith('u') ? '' : m))
    .split(' ')
    .filter(Boolean)
    .map(wordKey)
    .join(' ');
}

/** Trigram similarity as pg_trgm computes it (for tests and the client's duplicate hints). */
export function trigramSimilarity(a: string, b: string): number {
  const ta = trigrams(a);
  const tb = trigrams(b);
  if (ta.size === 0 && tb.size === 0) return 0;
  let common = 0;
  for (const t of ta) if (tb.has(t)) common++;
  return common / (ta.size + tb.size - common);
}

function trigrams(s: string): Set<string> {
  const out = new Set<string>();
  for (const word of s.toLowerCase().split(/[^a-z0-9]+/).filter(Boolean)) {
    const padded = `  ${word} `;
    for (let i = 0; i + 3 <= padded.length; i++) out.add(padded.slice(i, i + 3));
  }
  return out;
}

/** How alike two full names are, 0–1: the better of the normalised and the skeleton comparison. */
export function nameSimilarity(a: string, b: string): number {
  return Math.max(trigramSimilarity(normaliseName(a), normaliseName(b)), trigramSimilarity(nameKey(a), nameKey(b)));
}
