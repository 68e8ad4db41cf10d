// Bytes → text, one decoder for documents, organisers' entries and sidecars. Text arrives as
// UTF-8 (with or without BOM), UTF-16 (with or without BOM) or GB18030.

export type Decoded =
  | { ok: true; text: string; encoding: string; /** Lines where undecodable bytes were replaced with U+FFFD. */ replacedLines?: number[] }
  | { ok: false; reason: string }

const utf8 = (bytes: Uint8Array, fatal: boolean) => new TextDecoder('utf-8', { fatal, ignoreBOM: false }).decode(bytes)

/**
 * The text of `bytes`, whatever its encoding; `declared` is the charset a page declares
 * (<meta charset>), tried first when it is a Chinese one. A few bad bytes in otherwise valid
 * UTF-8 (a stray 0xFF, a character cut off at the end) are replaced, and their lines reported.
 */
export function decodeText(bytes: Uint8Array, declared?: string): Decoded {
  if (bytes.length === 0) return { ok: false, reason: '文件为空 (empty file)' }
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return { ok: true, text: new TextDecoder('utf-16le').decode(bytes.subarray(2)), encoding: 'utf-16le' }
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return { ok: true, text: new TextDecoder('utf-16be').decode(bytes.subarray(2)), encoding: 'utf-16be' }
  const bom16 = utf16WithoutBom(bytes)
  if (bom16) return { ok: true, text: new TextDecoder(bom16).decode(bytes), encoding: bom16 }
  if (bytes.includes(0)) return { ok: false, reason: '二进制文件，含 NUL 字节 (binary file: contains NUL bytes); 请另存为 UTF-8 纯文本' }
  const chinese = declared && /^(gb2312|gbk|gb18030|x-gbk)$/.test(declared)
  try {
    return { ok: true, text: utf8(bytes, true), encoding: 'utf-8' }
  } catch {
    const loose = utf8(bytes, false)
    const bad = loose.match(/\ufffd/g)?.length ?? 0
    // Chinese characters that decoded cleanly as UTF-8: GB18030 text almost never forms them.
    const good = loose.match(/[\u3400-\u9fff]/g)?.length ?? 0
    // Mostly valid UTF-8: keep it, mark what was lost. Otherwise it was written in GB18030.
    if (!chinese && (bad <= Math.max(3, loose.length / 1000) || good >= 4 * bad)) return { ok: true, text: loose, encoding: 'utf-8', replacedLines: linesOf(loose, '\ufffd') }
    return { ok: true, text: new TextDecoder('gb18030').decode(bytes), encoding: 'gb18030' }
  }
}

/** A document: its text, refused when it is blank, binary or has no Chinese in it. */
export function decodeDocument(bytes: Uint8Array, declared?: string): Decoded {
  const decoded = decodeText(bytes, declared)
  if (!decoded.ok) return decoded
  const { text } = decoded
  if (text.trim() === '') return { ok: false, reason: '文件只有空白 (file is blank)' }
  // Control characters other than tab/newline mean this is not a text document.
  const controls = text.match(/[\u0000-\u0008\u000e-\u001f\ufffd]/g)?.length ?? 0
  if (controls > Math.max(8, text.length * 0.01)) {
    return { ok: false, reason: `不是文本文件，含 ${controls} 个控制字符或乱码 (not a text file: ${controls} control or undecodable characters)` }
  }
  if (!/[\u4e00-\u9fff]/.test(text)) return { ok: false, reason: '没有中文内容 (no Chinese text found)' }
  return decoded
}

/**
 * UTF-16 saved without a BOM. Text in UTF-8 or GB18030 never has a zero byte; UTF-16 text has one
 * in every ASCII character it holds (digits, line breaks), on the odd side for little-endian. The
 * decoded text must then read as text: Chinese, ASCII and punctuation.
 */
function utf16WithoutBom(bytes: Uint8Array): 'utf-16le' | 'utf-16be' | null {
  if (bytes.length < 4 || bytes.length % 2 || !bytes.includes(0)) return null
  const n = Math.min(bytes.length, 8192)
  let even = 0
  let odd = 0
  for (let i = 0; i < n; i += 2) {
    if (bytes[i] === 0) even++
    if (bytes[i + 1] === 0) odd++
  }
  const guess = odd > even ? 'utf-16le' : 'utf-16be'
  const sample = new TextDecoder(guess).decode(bytes.subarray(0, n))
  const readable = sample.match(/[\u4e00-\u9fff\u3000-\u303f\uff00-\uffef\u0020-\u007e\t\r\n]/g)?.length ?? 0
  return readable >= sample.length * 0.9 ? guess : null
}

function linesOf(text: string, ch: string): number[] {
  const out: number[] = []
  let line = 1
  for (const c of text) {
    if (c === '\n') line++
    else if (c === ch && out.at(-1) !== line) out.push(line)
  }
  return out
}
