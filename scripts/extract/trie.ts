/**
 * Many names matched in one pass: at each position the longest name that starts there, then on
 * after it (leftmost-longest, no overlaps). A trie walk from each position costs at most the
 * longest name's length, so a document is matched in time linear in its length. (A library
 * Aho–Corasick was tried: it segments text into graphemes first and was 40× slower here.)
 */
interface Node<T> {
  next: Map<number, Node<T>>
  value?: T
  pattern?: string
}

export interface TrieMatch<T> {
  start: number
  end: number
  pattern: string
  value: T
}

export class PatternTrie<T> {
  private readonly root: Node<T> = { next: new Map() }

  constructor(patterns: Iterable<[string, T]>) {
    for (const [pattern, value] of patterns) {
      if (!pattern) continue
      let node = this.root
      for (let i = 0; i < pattern.length; i++) {
        const c = pattern.charCodeAt(i)
        let child = node.next.get(c)
        if (!child) node.next.set(c, (child = { next: new Map() }))
        node = child
      }
      node.value = value
      node.pattern = pattern
    }
  }

  search(text: string): TrieMatch<T>[] {
    const out: TrieMatch<T>[] = []
    for (let i = 0; i < text.length; ) {
      let node: Node<T> | undefined = this.root
      let best: { end: number; node: Node<T> } | null = null
      for (let j = i; j < text.length; j++) {
        node = node.next.get(text.charCodeAt(j))
        if (!node) break
        if (node.pattern !== undefined) best = { end: j + 1, node }
      }
      if (best) {
        out.push({ start: i, end: best.end, pattern: best.node.pattern!, value: best.node.value! })
        i = best.end
      } else i++
    }
    return out
  }
}
