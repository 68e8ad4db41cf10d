import type { DocumentFormat } from '../../src/domain/types'
import { decodeDocument, type Decoded } from '../../src/domain/decode'
import { htmlToText } from './html'

/**
 * A file as published → its text. Documents arrive as text copied from a page (any encoding), a
 * portal page saved as HTML, a Word file or a PDF with a text layer. Each is read with a kept
 * library; what cannot be read gets a message that says what to do instead.
 */
export type Read = (Decoded & { ok: true; format: DocumentFormat }) | { ok: false; reason: string }

const TEXT = /\.(txt|text|md)$/i
const HTML = /\.(html?|xhtml)$/i
const DOCX = /\.docx$/i
const PDF = /\.pdf$/i
/** Formats we recognise but cannot read: the message names the fix. */
const UNREADABLE: [RegExp, string][] = [
  [/\.(doc|wps)$/i, '旧版 Word/WPS 文件无法读取 (.doc and .wps cannot be read); 请用 Word 或 WPS 另存为 .docx'],
  [/\.(ofd|xls|xlsx|et|ppt|pptx)$/i, '不支持的文件格式 (unsupported format); 请另存为 .docx、带文字层的 PDF 或 .txt'],
  [/\.(jpe?g|png|gif|webp|tiff?|bmp)$/i, '图片无法读取文字 (an image has no text); 请提供原文的 .docx、带文字层的 PDF 或 .txt'],
]

export function isDocumentFile(name: string): boolean {
  return TEXT.test(name) || HTML.test(name) || DOCX.test(name) || PDF.test(name) || UNREADABLE.some(([re]) => re.test(name))
}

export async function readDocument(file: string, bytes: Uint8Array): Promise<Read> {
  for (const [re, reason] of UNREADABLE) if (re.test(file)) return { ok: false, reason }
  if (DOCX.test(file)) return readDocx(bytes)
  if (PDF.test(file)) return readPdf(bytes)
  const decoded = decodeDocument(bytes, HTML.test(file) ? charsetOf(bytes) : undefined)
  if (!decoded.ok) return decoded
  if (HTML.test(file)) return extractedText(htmlToText(decoded.text), decoded.encoding, 'html')
  return { ...decoded, format: 'text' }
}

/** Text a reader extracted, refused when it holds no Chinese (an empty or unrelated file). */
function extractedText(text: string, encoding: string, format: DocumentFormat): Read {
  if (!/[\u4e00-\u9fff]/.test(text)) return { ok: false, reason: '没有中文内容 (no Chinese text found)' }
  return { ok: true, text, encoding, format }
}

/** <meta charset="gb2312">, as old portals declare it. */
function charsetOf(bytes: Uint8Array): string | undefined {
  const head = new TextDecoder('latin1').decode(bytes.subarray(0, 2048))
  const m = /<meta[^>]+charset\s*=\s*["']?([\w-]+)/i.exec(head)
  return m?.[1]?.toLowerCase()
}

async function readDocx(bytes: Uint8Array): Promise<Read> {
  const mammoth = await import('mammoth')
  try {
    const { value } = await mammoth.extractRawText({ buffer: Buffer.from(bytes) })
    return extractedText(value, 'docx', 'docx')
  } catch {
    return { ok: false, reason: '不是有效的 .docx 文件 (not a valid .docx file); 请用 Word 或 WPS 重新另存为 .docx' }
  }
}

async function readPdf(bytes: Uint8Array): Promise<Read> {
  const pdfjs = await import('pdfjs-dist/legacy/build/pdf.mjs')
  let doc
  try {
    doc = await pdfjs.getDocument({ data: new Uint8Array(bytes), isEvalSupported: false, useSystemFonts: false, verbosity: 0 }).promise
  } catch {
    return { ok: false, reason: '不是有效的 PDF 文件 (not a valid PDF)' }
  }
  const pages: string[] = []
  for (let n = 1; n <= doc.numPages; n++) {
    const content = await (await doc.getPage(n)).getTextContent()
    let page = ''
    for (const item of content.items) {
      if (!('str' in item)) continue
      page += item.str + (item.hasEOL ? '\n' : '')
    }
    pages.push(page)
  }
  await doc.destroy()
  const text = pages.join('\n')
  if (!/[\u4e00-\u9fff]/.test(text)) {
    return { ok: false, reason: 'PDF 没有文字层，可能是扫描件 (a PDF without a text layer, probably scanned); 请提供原文的 .docx 或带文字层的 PDF' }
  }
  return { ok: true, text, encoding: 'pdf', format: 'pdf' }
}
