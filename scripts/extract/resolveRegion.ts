import { prefectureForms, shortName, type RegionIndex } from '../../src/domain/regions'
import { NATIONAL_CODE, type PlacementConfidence, type Region } from '../../src/domain/types'
import type { LineSpan } from './metadata'
import { Intervals } from './intervals'
import { PatternTrie } from './trie'

/**
 * Where a document comes from, by evidence over the whole text. Every region name is found in
 * one pass over the national list (full names, short names, and the national bodies that make a
 * document national); each finding is weighed by the role of the words around it;
 * the region tree settles the rest: a county inside the named city beats the city, and a name
 * China has twice (朝阳区) goes to the one whose parents the document names.
 */

/** 文号 prefixes start with the province's one-character abbreviation: 湘科协通, 甘科才, 冀… */
const PROVINCE_ABBR: Record<string, string> = {
  京: '110000', 津: '120000', 冀: '130000', 晋: '140000', 蒙: '150000', 辽: '210000', 吉: '220000',
  黑: '230000', 沪: '310000', 苏: '320000', 浙: '330000', 皖: '340000', 闽: '350000', 赣: '360000',
  鲁: '370000', 豫: '410000', 鄂: '420000', 湘: '430000', 粤: '440000', 桂: '450000', 琼: '460000',
  渝: '500000', 川: '510000', 蜀: '510000', 贵: '520000', 黔: '520000', 云: '530000', 滇: '530000',
  藏: '540000', 陕: '610000', 秦: '610000', 甘: '620000', 陇: '620000', 青: '630000', 宁: '640000',
  新: '650000',
}

/** Bodies whose notices are national: the issuer of a national notice, or the actor in a report about one. */
const NATIONAL_BODIES = [
  '国务院', '国务院办公厅', '中共中央办公厅', '中国科协', '中国科学技术协会', '科技部', '科学技术部', '中宣部', '中央宣传部',
  '中央网信办', '国家减灾委', '国家减灾委员会', '应急管理部', '教育部', '生态环境部', '自然资源部', '农业农村部',
  '国家发展改革委', '国家发展和改革委员会', '国家卫生健康委', '国家市场监督管理总局', '国家市场监管总局', '工业和信息化部',
  '全民科学素质纲要实施工作办公室', '国家统计局', '中国气象局', '中国地震局', '国家林业和草原局', '国家航天局',
]

/** The role of a finding, and what it weighs. `strong` roles say whose document it is. */
export type EvidenceRole =
  | 'metadata' // 发布机构: 三明市科学技术局
  | 'issuer' // the letterhead
  | 'signature' // the organisation over the date at the end
  | 'title'
  | 'activity' // 2023年朔州市科技活动周, 全国科普日山东省主场活动: whose event it is
  | 'publisher' // 中国科协等18部门日前联合发布通知, 宿州市地震局印发实施了…: who issues what the text reports
  | 'actor' // 宿松县科协召开…, 旬阳县委办公室印发…
  | 'site' // 欢迎访问宁国市人民政府网站, breadcrumbs and footers of a portal
  | 'mention'
  | 'venue' // 在庆阳启动: where, not who
  | 'cited' // 根据《玉溪市科学技术协会…的通知》: a higher body's document
  | 'context' // 云南省 in 云南省新平县: the parent of the name that follows

const WEIGHT: Record<EvidenceRole, number> = {
  metadata: 6,
  issuer: 6,
  signature: 6,
  title: 6,
  activity: 8,
  publisher: 6,
  actor: 3,
  site: 2,
  mention: 1,
  venue: 0.5,
  cited: 0.3,
  context: 0.5,
}
/**
 * Who issued it outranks whose event it names, which outranks everything else: a district's
 * notice forwarding its city's 科技活动周 is the district's document.
 */
const TIER: Partial<Record<EvidenceRole, 1 | 2>> = { metadata: 1, issuer: 1, signature: 1, title: 2, activity: 2, publisher: 2 }

export interface Evidence {
  code: string
  name: string
  role: EvidenceRole
  /** Offset in the normalised text. */
  at: number
  weight: number
}

export interface Placement {
  region: Region | null
  confidence: PlacementConfidence
  /** The findings that decided, strongest first (for the review report). */
  evidence: Evidence[]
  /** The runner-up, when there was one. */
  alternative?: { code: string; name: string; score: number }
  problem?: string
}

type Entry = { regions: Region[]; short: boolean }

// Organisations a region name heads: 宿松县科协, 唐山市人民政府办公室, 迁安市科学技术协会.
const ORG_AFTER = /^[\u4e00-\u9fff]{0,10}?(科协|科学技术协会|人民政府|政府|委员会|委|办公室|科技局|科学技术局|局|厅|学会|协会|科技馆|融媒|中心|纲要办)/
const SUFFIX_AFTER = /^[县区市旗州盟省]/
const YEAR_END = /\d{4}年$/
// 暨, 和, 与, 及 join two names: what follows one starts a word.
const JOINER = /[暨和与及]/
// Department names every county government has, some of which are also counties' short names
// (公安县, 资源县): 县公安局 and 自然资源局 are offices, not those counties.
const DEPARTMENT_STEMS = new Set(['公安', '资源', '民政', '财政', '司法', '商务', '水利', '交通', '教育', '气象', '应急', '文化', '统计', '审计', '税务', '林业', '农业', '畜牧', '粮食', '人事', '国土', '环保', '卫生', '体育', '文旅', '城管'])
const DEPARTMENT_AFTER = /^(局|厅|所|站|大队|支队|分局|部门|系统|干警|民警)/
const CJK_BEFORE = /[\u4e00-\u9fff]/
// …(organisation)(等21部门)(日前)(联合)发布/印发/下发 the notice the text is about.
const PUBLISH_AFTER = /^[\u4e00-\u9fff]{0,12}?(?:等\d+个?部门|等部门)?(?:日前|近日|今天|今日|正式)?(?:联合)?(?:印发|发布|发出|下发|出台)/
const VENUE_BEFORE = /(在|于|赴|到|走进|前往|来到|深入)$/
// A newspaper, site or app named in a 来源 field (吉林城乡网, 西藏商报, 湖北日报): who printed the
// page, not who issued what it reports.
const MEDIA_AFTER = /^[\u4e00-\u9fff]{0,6}?(网|报|台|新闻|融媒|客户端|头条|发布)(?![\u4e00-\u9fff])|^[\u4e00-\u9fff]{0,6}?(网|报|台|新闻|融媒|客户端|头条)(?=作者|编辑|记者|发布|时间|日期|责任|通讯员)/
// 湖北省暨武汉市…, 南宁市…活动暨江南区科技活动周: the second host of a joint event held with a
// region above it hosts the other's event; the higher region's name comes before 暨.
const JOINT_BEFORE = /暨$/
const DATELINE_BEFORE = /(社|网|讯|报)$/
const CITE_OPEN = /(根据|按照|依据|遵照|贯彻|落实|转发)/
const LEVEL_HINT: [RegExp, (r: Region) => boolean][] = [
  [/(我县|全县|本县|县委|县政府|县科协|我旗|全旗)/g, (r) => r.level === 'county' && /[县旗]$/.test(r.name)],
  [/(我区|全区|本区|区委|区政府|区科协)/g, (r) => (r.level === 'county' && /区$/.test(r.name)) || (r.level === 'province' && /自治区$/.test(r.name))],
  [/(我市|全市|本市|市委|市政府|市科协)/g, (r) => /市$/.test(r.name) && r.level !== 'province'],
  [/(我省|全省|本省|省委|省政府|省科协)/g, (r) => r.level === 'province' && /省$/.test(r.name)],
]

/** Names → regions, compiled once per build into one automaton. */
export class RegionNames {
  private readonly matcher: PatternTrie<Entry>
  private readonly national: Region

  constructor(readonly index: RegionIndex) {
    const byName = new Map<string, Entry>()
    const add = (name: string, r: Region, short: boolean) => {
      const e = byName.get(name) ?? { regions: [], short }
      if (!e.regions.includes(r)) e.regions.push(r)
      e.short &&= short
      byName.set(name, e)
    }
    this.national = index.get(NATIONAL_CODE) ?? { code: NATIONAL_CODE, name: '全国', level: 'national', parent: null }
    const byFullName = new Map(index.all.map((r) => [r.name, r]))
    // 巴州 is 巴音郭楞 (a prefecture), not 巴中's 巴州区: a county's short name never takes a
    // prefecture's form, and a form another region already answers to is not given.
    const forms = prefectureForms(index.all)
    for (const r of index.all) {
      if (r.code === NATIONAL_CODE) continue
      add(r.name, r, false)
      const s = shortName(r.name)
      if (s !== r.name && s.length >= 2 && !(r.level === 'county' && forms.has(s))) add(s, r, true)
    }
    for (const [form, name] of forms) {
      if (byName.has(form)) continue
      add(form, byFullName.get(name)!, form.length <= 2)
    }
    for (const body of NATIONAL_BODIES) add(body, this.national, false)
    this.matcher = new PatternTrie(byName)
  }

  /** Every region name in the text, longest first where names overlap. */
  find(text: string): { start: number; end: number; name: string; entry: Entry }[] {
    return this.matcher.search(text).map((m) => ({ start: m.start, end: m.end, name: m.pattern, entry: m.value }))
  }

  provinceOfAbbreviation(ch: string): Region | undefined {
    const code = PROVINCE_ABBR[ch]
    return code ? this.index.get(code) : undefined
  }
}

export interface PlaceInput {
  text: string
  spans: LineSpan[]
  docNumber: string | null
  /** Where the catalogue's activities are named, as [start, end). */
  activities: [number, number][]
}

/** Weigh every region name in the document and place it. */
export function placeDocument(names: RegionNames, input: PlaceInput): Placement {
  const { evidence, nameSpans } = collectEvidence(names, input)
  const scores = new Map<string, Score>()
  const add = (code: string, w: number, tier?: 1 | 2) => {
    const s = scores.get(code) ?? { issuer: 0, event: 0, score: 0 }
    s.score += w
    if (tier === 1) s.issuer += w
    if (tier === 2) s.event += w
    scores.set(code, s)
  }
  for (const e of evidence) add(e.code, e.weight, TIER[e.role])
  if (!scores.size) {
    const province = input.docNumber ? names.provinceOfAbbreviation(input.docNumber[0]!) : undefined
    if (province) return { region: province, confidence: 'low', evidence: [], problem: `只凭文号的省份简称“${input.docNumber![0]}”推断 (placed by the 文号's province abbreviation only)` }
    return { region: null, confidence: 'none', evidence: [], problem: '找不到发文地区 (no region named anywhere in the text); 请加 <文件名>.meta.yaml 写明 region' }
  }
  // What the document says of its own level (我县, 全市) and its 文号's abbreviation tip the balance.
  // Only where the text speaks of itself: the 区 of 安州区科协 is part of a name, not 区科协.
  const insideName = new Intervals(nameSpans.map(([s, e]) => [s, e, true] as const))
  const speaksOfItself = (re: RegExp) => {
    for (const m of input.text.matchAll(re)) if (!insideName.at(m.index)) return true
    return false
  }
  for (const [re, fits] of LEVEL_HINT) {
    if (!speaksOfItself(re)) continue
    for (const code of scores.keys()) if (fits(names.index.get(code)!)) add(code, 2)
  }
  if (input.docNumber) {
    const first = input.docNumber[0]!
    for (const code of scores.keys()) {
      const r = names.index.get(code)!
      // 迁科协 → 迁安市; 吉朝科协 → 朝阳区 of 吉林, not of 北京.
      if (shortName(r.name).startsWith(first)) add(code, 2)
      else if (PROVINCE_ABBR[first] === `${code.slice(0, 2)}0000`) add(code, r.level === 'province' ? 2 : 1)
    }
  }

  const rank = (code: string) => scores.get(code)!
  const better = (a: string, b: string) => compare(rank(a), rank(b)) > 0
  let best = [...scores.keys()].reduce((a, b) => (better(b, a) ? b : a))
  // A county inside the named city beats the city: go down while a region below has at least half
  // the say of the one above it, on each kind of strong evidence the one above has.
  const holds = (child: Score, parent: Score) =>
    child[deciding(parent)] > 0 && (['issuer', 'event'] as const).every((k) => child[k] >= parent[k] * 0.5) && (deciding(parent) !== 'score' || child.score >= parent.score * 0.5)
  for (;;) {
    const top = rank(best)
    const below = [...scores.keys()].filter((c) => c !== best && names.index.path(c).some((a) => a.code === best) && holds(rank(c), top))
    if (!below.length) break
    best = below.reduce((a, b) => (better(b, a) ? b : a))
  }
  // Two places with the same name and the same say: not for us to pick.
  const twins = [...scores.keys()].filter((c) => c !== best && compare(rank(c), rank(best)) === 0 && names.index.get(c)!.name === names.index.get(best)!.name)
  if (twins.length) {
    return {
      region: null,
      confidence: 'none',
      evidence: evidence.filter((e) => e.code === best || twins.includes(e.code)),
      problem: `地区名称有歧义 (ambiguous region name): ${[best, ...twins].map((c) => names.index.fullName(c)).join(' / ')}; 请在文中写明上级地区，或加 <文件名>.meta.yaml 写明 region`,
    }
  }
  const region = names.index.get(best)!
  const top = rank(best)
  const chain = new Set(names.index.path(best).map((r) => r.code))
  const rivals = [...scores.keys()].filter((c) => !chain.has(c) && !names.index.path(c).some((a) => a.code === best))
  const rival = rivals.length ? rivals.reduce((a, b) => (better(b, a) ? b : a)) : null
  const rivalScore = rival ? rank(rival).score : 0
  const strong = top.issuer + top.event
  const confidence: PlacementConfidence =
    strong >= 6 && top.score >= 2 * rivalScore ? 'high' : strong > 0 || (top.score >= 3 && top.score >= 1.5 * rivalScore) ? 'medium' : 'low'
  return {
    region,
    confidence,
    evidence: evidence.filter((e) => chain.has(e.code) || e.code === rival).sort((a, b) => b.weight - a.weight).slice(0, 12),
    ...(rival ? { alternative: { code: rival, name: names.index.get(rival)!.name, score: rivalScore } } : {}),
  }
}

/** issuer: metadata, letterhead, signature; event: title and activity names; score: everything. */
interface Score {
  issuer: number
  event: number
  score: number
}
const deciding = (s: Score): keyof Score => (s.issuer > 0 ? 'issuer' : s.event > 0 ? 'event' : 'score')
function compare(a: Score, b: Score): number {
  return a.issuer - b.issuer || a.event - b.event || a.score - b.score
}

function collectEvidence(names: RegionNames, { text, spans, activities }: PlaceInput): { evidence: Evidence[]; nameSpans: [number, number][] } {
  const found = names.find(text)
  const lines = new Intervals(spans.map((s) => [s.start, s.end, s.role] as const))
  const cited = new Intervals(citedSpans(text).map(([s, e]) => [s, e, true] as const))
  // Activity names, widened by how far a name may stand from one and still be about it.
  const nearActivity = new Intervals(activities.map(([s, e]) => [s - 6, e + 1, true] as const))
  const named = new Set(found.flatMap((f) => f.entry.regions.map((r) => r.code)))
  // Where activity names start and end, looked up per name found (a set: a long document has thousands of both).
  const activityStarts = new Set(activities.map(([s]) => s))
  const activityEnds = new Set(activities.map(([, e]) => e))
  const out: Evidence[] = []
  for (let i = 0; i < found.length; i++) {
    const f = found[i]!
    const after = text.slice(f.end, f.end + 14)
    // A short name (宿松, 渝中) counts when it is used as a name: with its kind (旬阳县 for what is
    // now 旬阳市), or starting a word and heading an organisation, or in a title or metadata line.
    // Inside a word it is a word (自然资源局 is not 资源县's bureau).
    const line = lines.at(f.start)
    // 2023年内蒙古科技活动周: after a year, a name starts its word as after punctuation.
    const startsWord = f.start === 0 || !CJK_BEFORE.test(text[f.start - 1]!) || YEAR_END.test(text.slice(Math.max(0, f.start - 5), f.start)) || JOINER.test(text[f.start - 1]!)
    // A province's short name (河南巡展, 广西活动) is never an ordinary word: used so, it names the
    // province (河南, not Qinghai's 河南县).
    // …and one that starts its word and heads an activity's name (暨昌平科技周) names its region.
    const headsActivity = startsWord && activityStarts.has(f.end)
    const asWord = f.entry.short && !SUFFIX_AFTER.test(after) && !line && !(startsWord && ORG_AFTER.test(after)) && !headsActivity
    const provinces = f.entry.regions.filter((r) => r.level === 'province')
    if (asWord && !(startsWord && provinces.length)) continue
    // 公安局, 资源局: a county's short name that is also the name of a government department,
    // heading 局/所/大队…, is that department of whichever county wrote the text.
    if (f.entry.short && DEPARTMENT_STEMS.has(f.name) && DEPARTMENT_AFTER.test(after)) continue
    // 点亮山城: in a headline a short name glued inside a phrase is a word, unless it follows an
    // activity's name (全国科普月承德主场活动) or comes with its kind or an organisation.
    const touchesActivity = activityEnds.has(f.start)
    if (f.entry.short && line === 'title' && !startsWord && !SUFFIX_AFTER.test(after) && !ORG_AFTER.test(after) && !touchesActivity) continue
    const entry = asWord ? { ...f.entry, regions: provinces } : f.entry
    const before = text.slice(Math.max(0, f.start - 2), f.start)
    let role: EvidenceRole
    const next = found[i + 1]
    if (next && next.start === f.end + (SUFFIX_AFTER.test(after) && f.entry.short ? 1 : 0) && isParentOf(names, f.entry, next.entry)) role = 'context'
    else if (cited.at(f.start)) role = 'cited'
    else if (line === 'metadata' && MEDIA_AFTER.test(after.replace(/^[县区市旗州盟省]/, ''))) role = 'site'
    else if (JOINT_BEFORE.test(before) && jointWithAncestor(names, f.entry, found.slice(0, i), text, f.start)) role = 'venue'
    else if (line === 'metadata' || line === 'issuer' || line === 'signature' || line === 'title') role = line
    else if (nearActivity.at(f.start) || nearActivity.at(f.end - 1)) role = 'activity'
    else if (DATELINE_BEFORE.test(before) && /^\d{1,2}月/.test(after)) role = 'cited'
    else if (VENUE_BEFORE.test(before)) role = 'venue'
    else if (ORG_AFTER.test(after) && partnerOfAncestor(names, f, found.slice(0, i), text)) role = 'venue'
    else if (ORG_AFTER.test(after) || NATIONAL_BODIES.includes(f.name)) role = PUBLISH_AFTER.test(text.slice(f.end, f.end + 24)) ? 'publisher' : 'actor'
    else if (line === 'site') role = 'site'
    else role = 'mention'
    if (role === 'title' && VENUE_BEFORE.test(before)) role = 'venue'
    // A name China has more than once speaks for each of its regions with a share of its weight;
    // the tree settles which (see disambiguate).
    const regions = disambiguate(names, entry.regions, named)
    for (const r of regions) out.push({ code: r.code, name: f.name, role, at: f.start, weight: WEIGHT[role] / regions.length })
  }
  return { evidence: out, nameSpans: found.map((f) => [f.start, f.end]) }
}

/** A name after 暨 whose ancestor (not the nation) is named, or referred to as 省/市, just before it in the sentence. */
function jointWithAncestor(names: RegionNames, entry: Entry, earlier: { start: number; end: number; entry: Entry }[], text: string, at: number): boolean {
  const sentenceStart = Math.max(text.lastIndexOf('。', at), text.lastIndexOf('\n', at), at - 40)
  if (/(?:^|[^\u4e00-\u9fff])(省|自治区|市)暨$/.test(text.slice(Math.max(0, at - 4), at)) || /[，,、](省|市)暨$/.test(text.slice(at - 3, at))) return true
  // …in the same item: no list break between the ancestor and 暨, and the region below is not
  // also named in it (北京科技周昌平分会场暨昌平科技周: 昌平's own week, joined to its part of Beijing's).
  return earlier.some((e) => {
    const between = text.slice(e.end, at)
    return e.start >= sentenceStart && !/[、，,；;]/.test(between) && e.entry.regions.some((p) => p.code !== NATIONAL_CODE) && isParentOf(names, e.entry, entry) && !earlier.some((o) => o.start >= e.end && o.entry === entry)
  })
}

/**
 * 由自治区科技厅、党委宣传部、科协和包头市人民政府共同主办, 绵阳市科协、安州区科协带着…: an
 * organisation of a region listed after one of the region above it is that body's partner and
 * host, not the one whose event it is.
 */
function partnerOfAncestor(names: RegionNames, f: { start: number; entry: Entry }, earlier: { end: number; entry: Entry }[], text: string): boolean {
  return earlier.some((e) => {
    const between = text.slice(e.end, f.start)
    return between.length <= 40 && !/[。，,；;\n]/.test(between) && /([、和与及]|联合|携手)$/.test(between) && ORG_AFTER.test(between) && isParentOf(names, e.entry, f.entry)
  })
}

function isParentOf(names: RegionNames, parent: Entry, child: Entry): boolean {
  return child.regions.some((c) => parent.regions.some((p) => p.code !== c.code && names.index.path(c.code).some((a) => a.code === p.code)))
}

/** 朝阳区 of 北京 or of 长春: the ones whose parents the document also names, if any. */
function disambiguate(names: RegionNames, regions: Region[], named: Set<string>): Region[] {
  if (regions.length < 2) return regions
  // 承德 is 承德市 and 承德县 (a county of that city): said alone it is the city, as people write
  // the county's name in full.
  const cities = regions.filter((r) => r.level === 'city' && regions.some((c) => c.level === 'county' && c.parent === r.code))
  if (cities.length === 1 && regions.every((r) => r === cities[0] || r.parent === cities[0]!.code)) return cities
  const withParent = regions.filter((r) => names.index.path(r.code).some((a) => a.code !== r.code && named.has(a.code)))
  return withParent.length ? withParent : regions
}

/**
 * Stretches that quote other documents: 《…》, and from 根据/按照/贯彻… to the end of the
 * citation (the closing bracket of its 文号, or the end of the clause).
 */
function citedSpans(text: string): [number, number][] {
  const out: [number, number][] = []
  for (const m of text.matchAll(/《[^》\n]{1,120}》/g)) out.push([m.index, m.index + m[0].length])
  for (const m of text.matchAll(new RegExp(CITE_OPEN.source, 'g'))) {
    const rest = text.slice(m.index, m.index + 160)
    const stop = rest.search(/[)）〕]\s*[,，、]|》[^《]{0,6}(精神|要求|部署|规定|有关)|[，,。；\n]/)
    out.push([m.index, m.index + (stop < 0 ? rest.length : stop + 1)])
  }
  return out
}
