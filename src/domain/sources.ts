import type { DocumentMeta, Mention, Source } from './types'

/** A document's clause as the source of an event: what the event page and the feed cite. */
export function documentSource(doc: DocumentMeta, m: Mention): Source {
  return {
    type: 'document',
    document: doc.id,
    docNumber: doc.docNumber,
    title: doc.planTitle ? `《${doc.planTitle}》` : doc.title,
    regionName: doc.regionName,
    clause: m.clause,
    quote: m.quote,
  }
}

export function uniqueSources(sources: Source[]): Source[] {
  const seen = new Set<string>()
  return sources.filter((s) => {
    const key = JSON.stringify(s)
    if (seen.has(key)) return false
    seen.add(key)
    return true
  })
}


/** A document cited once, with each clause of it that orders the event. */
export interface DocumentBlock {
  type: 'document'
  document: string
  docNumber: string | null
  title: string
  regionName: string | null
  quotes: { clause: string; quote: string }[]
}

export type SourceBlock = DocumentBlock | Exclude<Source, { type: 'document' }>

/**
 * Sources as a reader wants them: one block per document with its clauses in the order cited,
 * a quote that only repeats the document's title (a news headline) or another quote left out.
 * The event page and the feeds' descriptions both show these.
 */
export function sourceBlocks(sources: Source[]): SourceBlock[] {
  const blocks: SourceBlock[] = []
  const byDocument = new Map<string, DocumentBlock>()
  const bare = (text: string) => text.replace(/[\s《》“”"「」,，:：;；()（）]/g, '')
  for (const s of sources) {
    if (s.type !== 'document') {
      blocks.push(s)
      continue
    }
    let block = byDocument.get(s.document)
    if (!block) {
      block = { type: 'document', document: s.document, docNumber: s.docNumber, title: s.title, regionName: s.regionName, quotes: [] }
      byDocument.set(s.document, block)
      blocks.push(block)
    }
    const quote = bare(s.quote)
    if (!quote || quote === bare(s.title) || block.quotes.some((q) => bare(q.quote) === quote)) continue
    block.quotes.push({ clause: s.clause, quote: s.quote })
  }
  return blocks
}
