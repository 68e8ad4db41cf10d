import { shortName, type RegionIndex } from '../../src/domain/regions'
import { NATIONAL_CODE, type Region } from '../../src/domain/types'

/** 文号 prefixes start with the province's one-character abbreviation: 湘科协通, 甘科才, 冀… */
const PROVINCE_ABBR: Record<string, string> = {
  京: '110000', 津: '120000', 冀: '130000', 晋: '140000', 蒙: '150000', 辽: '210000', 吉: '220000',
  黑: '230000', 沪: '310000', 苏: '320000', 浙: '330000', 皖: '340000', 闽: '350000', 赣: '360000',
  鲁: '370000', 豫: '410000', 鄂: '420000', 湘: '430000', 粤: '440000', 桂: '450000', 琼: '460000',
  渝: '500000', 川: '510000', 蜀: '510000', 贵: '520000', 黔: '520000', 云: '530000', 滇: '530000',
  藏: '540000', 陕: '610000', 秦: '610000', 甘: '620000', 陇: '620000', 青: '630000', 宁: '640000',
  新: '650000',
}

export interface Resolution {
  region: Region | null
  /** Why no region, or which candidates were weighed. */
  problem?: string
}

/** Names → regions, for longest-prefix lookups. Short names only for provinces and cities. */
export class RegionNames {
  private readonly byName = new Map<string, Region[]>()
  private maxLength = 0

  constructor(readonly index: RegionIndex) {
    for (const r of index.all) {
      if (r.code === NATIONAL_CODE) continue
      this.add(r.name, r)
      if (r.level !== 'county') this.add(shortName(r.name), r)
    }
  }

  private add(name: string, region: Region) {
    const list = this.byName.get(name) ?? []
    if (!list.includes(region)) list.push(region)
    this.byName.set(name, list)
    this.maxLength = Math.max(this.maxLength, name.length)
  }

  /** Regions named at the very start of `text` (longest name first). */
  atStart(text: string): Region[] {
    for (let n = Math.min(this.maxLength, text.length); n >= 2; n--) {
      const hit = this.byName.get(text.slice(0, n))
      if (hit) return hit
    }
    return []
  }
}

/**
 * The issuing region: the first issuing body (or, lacking one, the title) that starts with a
 * region name. A name China has twice (朝阳区) is settled by which parent the document names, then
 * by the province abbreviation of the 文号; still ambiguous or not found → a problem to report.
 */
export function resolveIssuer(
  names: RegionNames,
  issuers: string[],
  title: string,
  docNumber: string | null,
  text: string,
): Resolution {
  const abbr = docNumber ? PROVINCE_ABBR[docNumber[0]!] : undefined
  for (const body of [...issuers, title]) {
    const cleaned = body.replace(/^(中共|中国共产党)/, '')
    let found = names.atStart(cleaned)
    // A nested name: 唐山市 inside 河北省唐山市… is found at the second step.
    if (found.length === 1 && found[0]!.level !== 'county') {
      const rest = cleaned.slice(found[0]!.name.length)
      const deeper = names.atStart(rest).filter((r) => names.index.path(r.code).some((a) => a.code === found[0]!.code))
      if (deeper.length) found = deeper
    }
    if (found.length === 0) continue
    if (found.length === 1) return { region: found[0]! }
    const scored = found.map((r) => ({ r, score: score(names.index, r, text, abbr) }))
    scored.sort((a, b) => b.score - a.score)
    if (scored[0]!.score > scored[1]!.score) return { region: scored[0]!.r }
    return {
      region: null,
      problem: `地区名称有歧义 (ambiguous region name): ${found.map((r) => names.index.fullName(r.code)).join(' / ')}`,
    }
  }
  if (abbr) {
    const province = names.index.get(abbr)
    if (province) return { region: province }
  }
  return {
    region: null,
    problem: `找不到发文地区 (no issuing region found in ${issuers.length ? issuers.join('、') : 'the letterhead or signature'}); 请在文首写明发文机关全称`,
  }
}

function score(index: RegionIndex, region: Region, text: string, abbr: string | undefined): number {
  let s = 0
  for (const a of index.path(region.code)) {
    if (a.code === region.code || a.code === NATIONAL_CODE) continue
    if (text.includes(a.name) || text.includes(shortName(a.name))) s += 2
  }
  if (abbr && region.code.startsWith(abbr.slice(0, 2))) s += 1
  return s
}
