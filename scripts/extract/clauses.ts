// Clause numbering of Chinese official documents: 一、 → （一） → 1. Every mention is anchored to
// the clause it sits in, e.g. `四、（三）`, or `16.` where items are numbered through the document.

export interface Clause {
  /** Offset in normalised text where the clause starts. */
  start: number
  label: string
  title: string | null
}

const L1 = /^([一二三四五六七八九十]+)、/
const L2 = /^[（(]([一二三四五六七八九十]+)[）)]/
const L3 = /^(\d{1,3})[.．、](?!\d)/

export function findClauses(text: string): Clause[] {
  type Open = { l1?: string; l2?: string; l3?: string }
  const heads: { start: number; open: Open; title: string | null }[] = []
  let open: Open = {}
  let offset = 0
  const l3Seen = new Map<string, number>()
  for (const line of text.split('\n')) {
    let m: RegExpExecArray | null
    let rest = ''
    if ((m = L1.exec(line))) open = { l1: m[1] }
    else if ((m = L2.exec(line))) open = { l1: open.l1, l2: m[1] }
    else if ((m = L3.exec(line))) {
      open = { ...open, l3: m[1] }
      l3Seen.set(m[1]!, (l3Seen.get(m[1]!) ?? 0) + 1)
    }
    if (m) {
      rest = line.slice(m[0].length).trim()
      heads.push({ start: offset, open: { ...open }, title: titleOf(rest) })
    }
    offset += line.length + 1
  }
  // Items numbered 1., 2., … through the whole document are unique anchors on their own.
  const l3Unique = [...l3Seen.values()].every((n) => n === 1)
  return heads.map(({ start, open: o, title }) => ({
    start,
    title,
    label:
      o.l3 && l3Unique
        ? `${o.l3}.`
        : `${o.l1 ? `${o.l1}、` : ''}${o.l2 ? `（${o.l2}）` : ''}${o.l3 ? `${o.l3}.` : ''}`,
  }))
}

function titleOf(rest: string): string | null {
  const end = rest.search(/[。；]/)
  const title = (end >= 0 ? rest.slice(0, end) : rest).trim()
  return title && title.length <= 60 ? title : null
}

/** The clause that contains `offset` (the last heading before it), or null in the preamble. */
export function clauseAt(clauses: Clause[], offset: number): Clause | null {
  let lo = 0
  let hi = clauses.length - 1
  let found: Clause | null = null
  while (lo <= hi) {
    const mid = (lo + hi) >> 1
    if (clauses[mid]!.start <= offset) {
      found = clauses[mid]!
      lo = mid + 1
    } else hi = mid - 1
  }
  return found
}
