import * as OpenCC from 'opencc-js'

/**
 * Normalised text for matching, with a map back to the decoded text so every quote keeps its real
 * offset. Steps: traditional → simplified characters, full-width digits/letters → ASCII, and the
 * removal of white space (spaces, line breaks) that stands between two Chinese characters or
 * digits, so that `科\n普大篷车`, `第 44 届` and `2023 年` read as one word.
 */
export interface Normalized {
  text: string
  /** map[i] = offset in the decoded text of normalised character i. */
  map: number[]
}

const toSimplified = OpenCC.Converter({ from: 't', to: 'cn' })

const CJK = /[\u3400-\u9fff\uf900-\ufaff]/
const WS = /[ \t\r\n]/
const TERMINAL = /[。！？；：!?;:）)】]/
// Lines that end like a title (…的通知, …工作要点) are whole lines even when long.
const TITLE_END = /(通知|要点|措施|方案|意见|办法|规划|计划|决定|文件)$/
const JOINABLE = /[\u3400-\u9fff\uf900-\ufaff0-9A-Za-z《》“”"（）()〔〕、，。：；·]/

function fold(ch: string): string {
  const code = ch.charCodeAt(0)
  // Full-width ASCII block (！ to ～) → ASCII; ideographic space → space.
  if (code >= 0xff01 && code <= 0xff5e && /[０-９Ａ-Ｚａ-ｚ．－]/.test(ch)) return String.fromCharCode(code - 0xfee0)
  if (code === 0x3000 || code === 0xa0) return ' '
  return ch
}

export function normalizeText(decoded: string): Normalized {
  // The offset map is one to one, so simplification must keep the length: when the phrase
  // converter would not (it rarely changes it), convert code unit by code unit instead.
  const whole = toSimplified(decoded)
  const src = whole.length === decoded.length ? whole : decoded.split('').map((c) => (toSimplified(c).length === 1 ? toSimplified(c) : c)).join('')
  const chars = src.split('').map(fold)
  const map: number[] = []

  let text = ''
  let lineStart = 0
  let markdownHeading = false
  for (let i = 0; i < chars.length; i++) {
    const ch = chars[i]!
    if (ch === '*') continue // markdown emphasis in converted documents
    if (ch === '#' && text.length === lineStart) {
      markdownHeading = true
      continue
    }
    if (!WS.test(ch)) {
      text += ch
      map.push(i)
      continue
    }
    let j = i
    while (j < chars.length && WS.test(chars[j]!)) j++
    const run = chars.slice(i, j).join('')
    const before = text[text.length - 1] ?? ''
    const after = chars[j] ?? ''
    if (run.includes('\n')) {
      // A line break inside a sentence (wrapped or page-broken text) is joined; one after a
      // sentence, a heading, a short title or signature line is kept.
      const line = text.slice(lineStart)
      const wrapped =
        line.length >= 20 && !TERMINAL.test(before) && !TITLE_END.test(line) && !markdownHeading && after !== '' && !startsHeading(chars, j)
      if (!wrapped && text !== '') {
        text += '\n'
        map.push(i)
        lineStart = text.length
        markdownHeading = false
      }
    } else if (text.length > lineStart && !(JOINABLE.test(before) && JOINABLE.test(after) && (CJK.test(before) || CJK.test(after)))) {
      text += ' '
      map.push(i)
    }
    i = j - 1
  }
  return { text, map }
}

/** A line that starts a new clause is never joined to the previous line. */
function startsHeading(chars: string[], at: number): boolean {
  const head = chars.slice(at, at + 8).join('')
  return /^(#|\*\*|[一二三四五六七八九十]+、|[（(][一二三四五六七八九十]+[）)]|\d+[.．、])/.test(head)
}

/** 1-based line numbers of offsets in `decoded`: line starts found once, then a binary search each. */
export function lineIndex(decoded: string): (offset: number) => number {
  const starts = [0]
  for (let i = 0; i < decoded.length; i++) if (decoded.charCodeAt(i) === 10) starts.push(i + 1)
  return (offset) => {
    let lo = 0
    let hi = starts.length - 1
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1
      if (starts[mid]! <= offset) lo = mid
      else hi = mid - 1
    }
    return lo + 1
  }
}
