// Bytes → text. Official documents arrive as UTF-8 (with or without BOM), UTF-16 or GB18030.

export type Decoded = { ok: true; text: string; encoding: string } | { ok: false; reason: string }

/** `declared`: the charset a page declares (<meta charset>), tried first when it is a Chinese one. */
export function decodeDocument(bytes: Uint8Array, declared?: string): Decoded {
  if (bytes.length === 0) return { ok: false, reason: '文件为空 (empty file)' }
  if (declared && /^(gb2312|gbk|gb18030|x-gbk)$/.test(declared)) {
    try {
      new TextDecoder('utf-8', { fatal: true }).decode(bytes)
    } catch {
      return done(new TextDecoder('gb18030').decode(bytes), 'gb18030')
    }
  }
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return done(new TextDecoder('utf-16le').decode(bytes.subarray(2)), 'utf-16le')
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return done(new TextDecoder('utf-16be').decode(bytes.subarray(2)), 'utf-16be')
  if (bytes.includes(0)) return { ok: false, reason: '二进制文件，含 NUL 字节 (binary file: contains NUL bytes); 请另存为 UTF-8 纯文本' }
  let text: string
  let encoding = 'utf-8'
  try {
    text = new TextDecoder('utf-8', { fatal: true, ignoreBOM: false }).decode(bytes)
  } catch {
    text = new TextDecoder('gb18030').decode(bytes)
    encoding = 'gb18030'
  }
  return done(text, encoding)
}

function done(text: string, encoding: string): Decoded {
  if (text.trim() === '') return { ok: false, reason: '文件只有空白 (file is blank)' }
  // Control characters other than tab/newline mean this is not a text document.
  const controls = text.match(/[\u0000-\u0008\u000e-\u001f\ufffd]/g)?.length ?? 0
  if (controls > Math.max(8, text.length * 0.01)) {
    return { ok: false, reason: `不是文本文件，含 ${controls} 个控制字符或乱码 (not a text file: ${controls} control or undecodable characters)` }
  }
  if (!/[\u4e00-\u9fff]/.test(text)) return { ok: false, reason: '没有中文内容 (no Chinese text found)' }
  return { ok: true, text, encoding }
}
