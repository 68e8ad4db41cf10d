import { Parser } from 'htmlparser2'

/**
 * A saved portal page → the text a person would copy from it: every visible word, a line per
 * block, nothing from scripts, styles or forms. Navigation, metadata tables and footers stay as
 * lines, as they do in a copied page: the extraction knows what those lines are (metadata.ts),
 * and a portal's 发布机构 is evidence of where the document comes from.
 */
const SKIP = new Set(['script', 'style', 'noscript', 'template', 'svg', 'iframe', 'select', 'button', 'head', 'object'])
const BLOCK = new Set([
  'p', 'div', 'br', 'li', 'ul', 'ol', 'tr', 'table', 'section', 'article', 'header', 'footer', 'nav', 'aside', 'main',
  'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'title', 'dd', 'dt', 'dl', 'blockquote', 'pre', 'hr', 'form', 'figure', 'figcaption',
])
const CELL = new Set(['td', 'th'])

export function htmlToText(html: string): string {
  const out: string[] = []
  let skipping = 0
  let title = ''
  let inTitle = false
  let source = ''
  const parser = new Parser(
    {
      // <!-- SOURCE: … -->: where a saved page came from, as a maintainer notes it.
      oncomment(data) {
        const m = /^\s*SOURCE:\s*(.+?)\s*$/.exec(data)
        if (m && !source) source = m[1]!
      },
      onopentag(name) {
        if (SKIP.has(name)) skipping++
        if (name === 'title') inTitle = true
        if (BLOCK.has(name)) out.push('\n')
        if (CELL.has(name)) out.push(' | ')
      },
      ontext(text) {
        if (inTitle) title += text
        else if (!skipping) out.push(text)
      },
      onclosetag(name) {
        if (SKIP.has(name)) skipping = Math.max(0, skipping - 1)
        if (name === 'title') inTitle = false
        if (BLOCK.has(name)) out.push('\n')
      },
    },
    { decodeEntities: true, lowerCaseTags: true },
  )
  parser.write(html)
  parser.end()
  const body = out
    .join('')
    .split('\n')
    .map((l) => l.replace(/[ \t\u00a0]+/g, ' ').trim())
    .filter(Boolean)
    .join('\n')
  // The page title says what the page is when the body does not start with it.
  const heading = title.replace(/\s+/g, ' ').trim()
  const text = heading && !body.slice(0, 400).includes(heading.split(/[-_|—]/)[0]!.trim()) ? `${heading}\n${body}` : body
  return source ? `SOURCE: ${source}\n${text}` : text
}
