const END = /[。！？；!?;\n]/

/** The sentence around [start, end): from after the previous end mark to the next one, inclusive. */
export function sentenceAround(text: string, start: number, end: number): { start: number; end: number } {
  let s = start
  while (s > 0 && !END.test(text[s - 1]!)) s--
  let e = end
  while (e < text.length && !END.test(text[e]!)) e++
  if (e < text.length && text[e] !== '\n') e++
  return { start: s, end: e }
}

const MAX_QUOTE = 160
const HEADING_NUMBER = /^(\d{1,3}[.．、]|[一二三四五六七八九十]+、|[（(][一二三四五六七八九十]+[）)])\s*/

/** The quoted sentence, shortened around the match when very long. */
export function quoteOf(text: string, sentence: { start: number; end: number }, hitStart: number, hitEnd: number): string {
  let { start, end } = sentence
  if (end - start > MAX_QUOTE) {
    const room = Math.max(0, MAX_QUOTE - (hitEnd - hitStart))
    start = Math.max(sentence.start, hitStart - Math.floor(room / 2))
    end = Math.min(sentence.end, start + MAX_QUOTE)
    start = Math.max(sentence.start, end - MAX_QUOTE)
  }
  // A quote starts with the words, not with the clause number it sits under.
  const body = fullWidthPunctuation(text.slice(start, end).trim().replace(HEADING_NUMBER, ''))
  return `${start > sentence.start ? '…' : ''}${body}${end < sentence.end ? '…' : ''}`
}

// A Chinese sentence as a reader expects it: PDFs' text layers and many portals give ASCII
// commas, colons and brackets (5月30日,以…为主题); beside Chinese text they become full-width.
// Between digits or Latin letters they stay (10:00, 1,000, (A)).
const CJK = '[\\u3400-\\u9fff\\uf900-\\ufaff“”‘’《》「」（）、。]'
const PUNCT_AFTER_CJK = new RegExp(`(?<=${CJK})\\s*([,;:?!])\\s*`, 'g')
const PUNCT_BEFORE_CJK = new RegExp(`\\s*([,;:?!])\\s*(?=${CJK})`, 'g')
const FULL: Record<string, string> = { ',': '，', ';': '；', ':': '：', '?': '？', '!': '！' }
const BRACKETS = new RegExp(`\\(([^()]*${CJK}[^()]*)\\)`, 'g')

export function fullWidthPunctuation(text: string): string {
  return text
    .replace(PUNCT_AFTER_CJK, (_m, p: string) => FULL[p]!)
    .replace(PUNCT_BEFORE_CJK, (_m, p: string) => FULL[p]!)
    .replace(BRACKETS, '（$1）')
}
