import { NATIONAL_CODE, type Region } from './types'

/** Lookups over the region tree; built once from the flat list. */
export class RegionIndex {
  readonly byCode = new Map<string, Region>()
  private readonly kids = new Map<string, Region[]>()

  constructor(readonly all: Region[]) {
    for (const r of all) {
      this.byCode.set(r.code, r)
      if (r.parent) {
        const list = this.kids.get(r.parent) ?? []
        list.push(r)
        this.kids.set(r.parent, list)
      }
    }
  }

  get(code: string): Region | undefined {
    return this.byCode.get(code)
  }

  children(code: string): Region[] {
    return this.kids.get(code) ?? []
  }

  /** From the national root down to the region itself; empty for an unknown code. */
  path(code: string): Region[] {
    const out: Region[] = []
    let r = this.byCode.get(code)
    while (r) {
      out.unshift(r)
      r = r.parent ? this.byCode.get(r.parent) : undefined
    }
    return out
  }

  /** Every region below it (not the region itself). */
  descendants(code: string): Region[] {
    const out: Region[] = []
    const stack = [...this.children(code)]
    while (stack.length) {
      const r = stack.pop()!
      out.push(r)
      stack.push(...this.children(r.code))
    }
    return out
  }

  /** 唐山市 → 河北省 唐山市 (national root omitted). */
  fullName(code: string): string {
    return this.path(code)
      .filter((r) => r.code !== NATIONAL_CODE)
      .map((r) => r.name)
      .join(' ')
  }
}

const SUFFIX = /(特别行政区|维吾尔自治区|壮族自治区|回族自治区|自治区|自治州|自治县|自治旗|地区|林区|新区|省|市|县|区|旗|盟)$/

// The peoples named in autonomous areas' names (恩施土家族苗族自治州, 新平彝族傣族自治县), longest first.
const PEOPLES =
  '土家族 哈尼族 哈萨克族 傈僳族 佤族 拉祜族 纳西族 景颇族 柯尔克孜族 达斡尔族 仫佬族 羌族 布朗族 撒拉族 毛南族 仡佬族 锡伯族 阿昌族 普米族 塔吉克族 怒族 乌孜别克族 俄罗斯族 鄂温克族 德昂族 保安族 裕固族 京族 塔塔尔族 独龙族 鄂伦春族 赫哲族 门巴族 珞巴族 基诺族 蒙古族 回族 藏族 维吾尔族 苗族 彝族 壮族 布依族 朝鲜族 满族 侗族 瑶族 白族 傣族 黎族 畲族 高山族 水族 东乡族'
    .split(' ')
    // Some names leave out 族 (巴音郭楞蒙古自治州, 伊犁哈萨克自治州): strip those forms too.
    .flatMap((p) => (p.length >= 3 ? [p, p.slice(0, -1)] : [p]))
    .sort((a, b) => b.length - a.length)

/** 河北省 → 河北, 恩施土家族苗族自治州 → 恩施, 伊犁哈萨克自治州 → 伊犁, 新平彝族傣族自治县 → 新平. */
export function shortName(name: string): string {
  let s = name.replace(SUFFIX, '')
  for (let again = true; again; ) {
    again = false
    for (const p of PEOPLES) {
      if (s.endsWith(p) && s.length - p.length >= 2) {
        s = s.slice(0, -p.length)
        again = true
        break
      }
    }
  }
  return s.length >= 2 ? s : name
}

/**
 * How documents write an autonomous prefecture or a league besides its short name: 黔东南州,
 * 海西州, 伊犁州 (the short name and 州), and the one-character forms 巴州, 博州, 锡盟, 阿盟. A
 * one-character form is only given where no other prefecture or league would have it.
 */
export function prefectureForms(regions: readonly { name: string; level: string }[]): Map<string, string> {
  const out = new Map<string, string>()
  const single = new Map<string, string[]>()
  for (const r of regions) {
    if (r.level !== 'city') continue
    const kind = r.name.endsWith('自治州') ? '州' : r.name.endsWith('盟') ? '盟' : null
    if (!kind) continue
    const short = shortName(r.name)
    if (kind === '州') out.set(`${short}州`, r.name)
    const one = `${short[0]}${kind}`
    single.set(one, [...(single.get(one) ?? []), r.name])
  }
  for (const [form, names] of single) if (names.length === 1 && !out.has(form)) out.set(form, names[0]!)
  return out
}

/**
 * The regions whose children are all counties (cities, municipalities), with those counties: each
 * has a feed with its counties' own events too (COUNTIES_FEED). A province with a 省直辖县 beside
 * its cities has none.
 */
export function countyParents(regions: RegionIndex): Map<string, Region[]> {
  const out = new Map<string, Region[]>()
  for (const r of regions.all) {
    const kids = regions.children(r.code)
    if (r.level !== 'national' && kids.length && kids.every((k) => k.level === 'county')) out.set(r.code, kids)
  }
  return out
}
