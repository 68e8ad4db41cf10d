/** Items bucketed by a key, in their original order (one pass; no array copies per item). */
export function groupBy<T>(list: Iterable<T>, key: (t: T) => string): Map<string, T[]> {
  const out = new Map<string, T[]>()
  for (const item of list) {
    const k = key(item)
    const bucket = out.get(k)
    if (bucket) bucket.push(item)
    else out.set(k, [item])
  }
  return out
}
