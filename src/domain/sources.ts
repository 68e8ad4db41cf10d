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

