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

  /** The region and every region below it. */
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

/** 河北省 → 河北, 恩施土家族苗族自治州 → 恩施土家族苗族 (then 恩施 by ethnic stripping). */
export function shortName(name: string): string {
  let s = name.replace(SUFFIX, '')
  // Ethnic names inside autonomous areas: 恩施土家族苗族 → 恩施; keep at least two characters.
  const ethnic = s.replace(/([\u4e00-\u9fff]{1,3}族)+$/, '')
  if (ethnic.length >= 2) s = ethnic
  return s.length >= 2 ? s : name
}
