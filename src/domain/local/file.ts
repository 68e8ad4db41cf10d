import { decodeText } from '../decode'

/**
 * An entry file's bytes → its text, read the same way by the build and by the editor's import:
 * UTF-8, or GB18030 and UTF-16 decoded (with a note to save as UTF-8 next time); never garbage —
 * a file with undecodable bytes is refused, with the lines to look at.
 */
export function entryText(bytes: Uint8Array): { text: string | null; problem?: string; note?: string } {
  const d = decodeText(bytes)
  if (!d.ok) return { text: null, problem: d.reason }
  if (d.replacedLines?.length) {
    return { text: null, problem: `第 ${d.replacedLines.join('、')} 行有无法识别的字节（乱码）；请用记事本或 WPS 另存为 UTF-8 后重试 (undecodable bytes: save the file as UTF-8)` }
  }
  const note = d.encoding === 'utf-8' ? undefined : `文件是 ${d.encoding.toUpperCase()} 编码，已按此读取；以后请另存为 UTF-8 (read as ${d.encoding}; please save as UTF-8)`
  return { text: d.text.replace(/^\ufeff/, ''), ...(note ? { note } : {}) }
}
