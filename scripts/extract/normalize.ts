import * as OpenCC from 'opencc-js'
import { noiseMask } from './noise'

/**
 * Normalised text for matching, with a map back to the decoded text so every quote keeps its real
 * offset. Steps: traditional → simplified characters, full-width digits/letters → ASCII, noise
 * dropped (pinyin glosses a mirror inserted, see noise.ts), and the removal of white space
 * (spaces, line breaks) that stands between two Chinese characters or digits, so that
 * `科\n普大篷车`, `第 44 届` and `2023 年` read as one word.
 *
 * One pass, output built in arrays: time is linear in the length of the document.
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
const HEADING_START = /^(#|\*\*|[一二三四五六七八九十]+、|[（(][一二三四五六七八九十]+[）)]|\d+[.．、])/
// A line that starts like a page's furniture is never the rest of a sentence: a time stamp
// (2023-12-28 15:36), or a field with its label (来源：…, 发布机构 | …).
const FIELD_START = /^(?:[•·*]\s*)?(\d{4}[-/.]\d{1,2}[-/.]\d{1,2}|\d{4}年\d{1,2}月\d{1,2}日\s*\d{1,2}:|[\u4e00-\u9fff]{1,8}\s*[:：|])/
// …a news paragraph's opening dateline (5月24日上午，…; 2024年9月13日，…), and a line that ends
// with a time stamp (发布时间:2023-05-24) is a field, never half a sentence.
const DATELINE_START = /^(?:\d{4}年)?\d{1,2}月\d{1,2}日(?:上午|下午|晚上?|早上|[,，\s])/
const STAMP_END = /(\d{4}[-/.年]\d{1,2}[-/.月]\d{1,2}日?|\d{1,2}:\d{2}(:\d{2})?)$/

function fold(ch: string): string {
  const code = ch.charCodeAt(0)
  // Kangxi radicals and compatibility ideographs that PDFs' fonts map text to (⽇ for 日, ⽉ for 月).
  if ((code >= 0x2e80 && code <= 0x2fdf) || (code >= 0xf900 && code <= 0xfaff)) {
    const n = ch.normalize('NFKC')
    return n.length === 1 ? n : ch
  }
  // Full-width ASCII block (！ to ～) → ASCII; ideographic space → space.
  if (code >= 0xff01 && code <= 0xff5e && /[０-９Ａ-Ｚａ-ｚ．－]/.test(ch)) return String.fromCharCode(code - 0xfee0)
  if (code === 0x3000 || code === 0xa0) return ' '
  return ch
}

/** Traditional → simplified, keeping the length (the offset map is one to one). */
function simplify(decoded: string): string {
  const whole = toSimplified(decoded)
  if (whole.length === decoded.length) return whole
  // The phrase converter changed the length somewhere (it rarely does): convert line by line,
  // and only the lines where it did, character by character.
  return decoded
    .split('\n')
    .map((line) => {
      const converted = toSimplified(line)
      if (converted.length === line.length) return converted
      return Array.from(line, (c) => {
        const s = toSimplified(c)
        return s.length === c.length ? s : c
      }).join('')
    })
    .join('\n')
}

export function normalizeText(decoded: string): Normalized {
  const src = simplify(decoded)
  const drop = noiseMask(src)
  const out: string[] = []
  const map: number[] = []
  // The current output line, kept apart so that tests on it never copy the whole text.
  let line: string[] = []
  let markdownHeading = false
  const last = () => out[out.length - 1] ?? ''
  const push = (ch: string, at: number) => {
    out.push(ch)
    map.push(at)
    if (ch === '\n') line = []
    else line.push(ch)
  }

  for (let i = 0; i < src.length; i++) {
    if (drop[i]) continue
    const ch = fold(src[i]!)
    if (ch === '*') continue // markdown emphasis in converted documents
    if (ch === '#' && line.length === 0) {
      markdownHeading = true
      continue
    }
    if (!WS.test(ch)) {
      push(ch, i)
      continue
    }
    let j = i
    let newlines = 0
    while (j < src.length && (drop[j] || WS.test(fold(src[j]!)))) {
      if (src[j] === '\n' && !drop[j]) newlines++
      j++
    }
    const newline = newlines > 0
    const before = last()
    const after = j < src.length ? fold(src[j]!) : ''
    if (newline) {
      // A line break inside a sentence (wrapped or page-broken text) is joined; one after a
      // sentence, a heading, a short title or signature line is kept.
      const text = line.join('')
      // A blank line ends a paragraph, unless it is a page break inside one: a long line that stops
      // mid-sentence, and text going on in words (科\n\n普大篷车).
      const wrapped =
        (newlines === 1 || (line.length >= 30 && CJK.test(after))) &&
        line.length >= 20 &&
        !TERMINAL.test(before) &&
        !TITLE_END.test(text) &&
        !markdownHeading &&
        after !== '' &&
        !HEADING_START.test(src.slice(j, j + 8)) &&
        !FIELD_START.test(src.slice(j, j + 24)) &&
        !DATELINE_START.test(src.slice(j, j + 16)) &&
        !STAMP_END.test(text) &&
        !src.startsWith('关于', j) &&
        !/〔\d{4}〕\d{1,4}号$/.test(text) &&
        !FIELD_START.test(text)
      if (!wrapped && out.length) {
        push('\n', i)
        markdownHeading = false
      }
    } else if (line.length > 0 && !(JOINABLE.test(before) && JOINABLE.test(after) && (CJK.test(before) || CJK.test(after)))) {
      push(' ', i)
    }
    i = j - 1
  }
  return { text: out.join(''), map }
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
