/** Which of many [start, end) stretches holds an offset: sorted once, then a binary search each. */
export class Intervals<T> {
  private readonly list: (readonly [number, number, T])[]
  /** Largest end among the stretches up to each index, for the search. */
  private readonly reach: number[]

  constructor(list: (readonly [number, number, T])[]) {
    this.list = [...list].sort((a, b) => a[0] - b[0])
    let max = -Infinity
    this.reach = this.list.map((x) => (max = Math.max(max, x[1])))
  }

  at(offset: number): T | undefined {
    let lo = 0
    let hi = this.list.length - 1
    let last = -1
    while (lo <= hi) {
      const mid = (lo + hi) >> 1
      if (this.list[mid]![0] <= offset) {
        last = mid
        lo = mid + 1
      } else hi = mid - 1
    }
    for (let i = last; i >= 0 && this.reach[i]! > offset; i--) if (this.list[i]![1] > offset) return this.list[i]![2]
    return undefined
  }
}
