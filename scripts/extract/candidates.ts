// Names that look like activities but are not in the catalogue: reported so the catalogue can grow.

const QUOTED = /“([^“”\n]{2,24})”/g
const ACTIVITY_END = /(活动|行动|大赛|竞赛|比赛|杯|周|日|月|节|大讲堂|讲堂|论坛|课堂|夏令营|训练营|科学营|巡展|展览|大集|万里行|之冬|之春|之夏|进校园|进社区|进寺庙|进乡村)$/
const ACTIVITY_AFTER = /^(系列|主题|联合|专项)?(科普)?(活动|行动|竞赛|大赛|宣传周|宣传月|品牌活动)/
const EDITION = /第(\d{1,3}|[一二三四五六七八九十百]{1,5})届([\u4e00-\u9fff“”·]{2,30}?(大赛|竞赛|比赛|赛|大会|节|展|论坛))/g

export interface FoundCandidate {
  name: string
  at: number
}

/** Quoted campaign names and 第N届…赛 outside the spans already matched. */
export function findCandidates(text: string, matched: [number, number][]): FoundCandidate[] {
  const out: FoundCandidate[] = []
  const covered = (s: number, e: number) => matched.some(([ms, me]) => s < me && ms < e)
  QUOTED.lastIndex = 0
  for (let m = QUOTED.exec(text); m; m = QUOTED.exec(text)) {
    const name = m[1]!
    const after = text.slice(m.index + m[0].length, m.index + m[0].length + 8)
    if (!ACTIVITY_END.test(name) && !ACTIVITY_AFTER.test(after)) continue
    if (covered(m.index, m.index + m[0].length)) continue
    out.push({ name: `“${name}”${ACTIVITY_AFTER.exec(after)?.[0] ?? ''}`, at: m.index })
  }
  EDITION.lastIndex = 0
  for (let m = EDITION.exec(text); m; m = EDITION.exec(text)) {
    if (covered(m.index, m.index + m[0].length)) continue
    out.push({ name: m[0], at: m.index })
  }
  return out
}
