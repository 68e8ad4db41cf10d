const DIGITS: Record<string, number> = { 零: 0, 〇: 0, 一: 1, 二: 2, 两: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9 }

/** 38 → 38, 三十八 → 38, 第九 → 9 (up to 999). NaN when it is not a number. */
export function parseNumeral(s: string): number {
  if (/^\d+$/.test(s)) return Number(s)
  let total = 0
  let current = 0
  for (const ch of s) {
    if (ch in DIGITS) current = DIGITS[ch]!
    else if (ch === '十') {
      total += (current || 1) * 10
      current = 0
    } else if (ch === '百') {
      total += (current || 1) * 100
      current = 0
    } else return NaN
  }
  return total + current
}
