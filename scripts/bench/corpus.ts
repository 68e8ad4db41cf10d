import { mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { entryToYaml } from '../../src/domain/local/yaml'
import { RegionIndex, shortName } from '../../src/domain/regions'
import type { Activity, Region } from '../../src/domain/types'
import { loadRegions } from '../regions/load'

/** Deterministic pseudo-random numbers (mulberry32): the same corpus on every run. */
export function random(seed: number) {
  let a = seed >>> 0
  return () => {
    a = (a + 0x6d2b79f5) >>> 0
    let t = a
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

const PROVINCE_ABBR: Record<string, string> = { '11': '京', '12': '津', '13': '冀', '14': '晋', '15': '蒙', '21': '辽', '22': '吉', '23': '黑', '31': '沪', '32': '苏', '33': '浙', '34': '皖', '35': '闽', '36': '赣', '37': '鲁', '41': '豫', '42': '鄂', '43': '湘', '44': '粤', '45': '桂', '46': '琼', '50': '渝', '51': '川', '52': '贵', '53': '云', '54': '藏', '61': '陕', '62': '甘', '63': '青', '64': '宁', '65': '新' }

/** The issuer of each seed and the names to swap out when re-issuing it elsewhere. */
const SEED_ISSUERS: Record<string, { names: string[]; abbr: string }> = {
  '000': { names: ['青海省', '青海'], abbr: '青' },
  '001': { names: ['吉林省', '吉林'], abbr: '吉' },
  '002': { names: ['湖南省', '湖南'], abbr: '湘' },
  '003': { names: ['唐山市', '唐山'], abbr: '唐' },
  '004': { names: ['甘肃省', '甘肃'], abbr: '甘' },
}

/**
 * `count` documents made by re-issuing the seeds under other regions' names (any level), in
 * plan years across the window, written to `dir`.
 */
export function writeDocuments(seedDir: string, dir: string, count: number, years: number[], seed = 1): void {
  rmSync(dir, { recursive: true, force: true })
  mkdirSync(dir, { recursive: true })
  const rand = random(seed)
  const regions = loadRegions().filter((r) => r.level !== 'national' && !['71', '81', '82'].includes(r.code.slice(0, 2)))
  // The regional seeds are re-issued; national notices stay national.
  const seeds = readdirSync(seedDir).filter((f) => f.endsWith('.txt') && SEED_ISSUERS[f.slice(0, 3)]).sort()
  for (let i = 0; i < count; i++) {
    const file = seeds[i % seeds.length]!
    const source = SEED_ISSUERS[file.slice(0, 3)]!
    const target = regions[Math.floor(rand() * regions.length)]!
    const year = years[Math.floor(rand() * years.length)]!
    let text = readFileSync(join(seedDir, file), 'utf8')
    const [full, short] = source.names
    text = text.split(full!).join(target.name).split(short!).join(shortName(target.name))
    const abbr = PROVINCE_ABBR[target.code.slice(0, 2)] ?? source.abbr
    text = text.replace(new RegExp(`${source.abbr}([\\u4e00-\\u9fff]{0,6})〔2023〕`, 'g'), `${abbr}$1〔${year}〕`).split('2023').join(String(year))
    writeFileSync(join(dir, `${String(i).padStart(5, '0')}_${target.code}.txt`), text)
  }
}

/** `count` organisers' entries over the counties, valid, some tours, some cancelled. */
export function writeLocalEntries(dir: string, count: number, activities: Activity[], years: number[], seed = 2, focus?: { region: string; count: number; year: number }): void {
  rmSync(dir, { recursive: true, force: true })
  const rand = random(seed)
  const counties = new RegionIndex(loadRegions()).all.filter((r) => r.level === 'county')
  const pick = <T>(list: T[]) => list[Math.floor(rand() * list.length)]!
  const used = new Set<string>()
  for (let i = 0; i < count; i++) {
    const region: Region = focus && i < focus.count ? counties.find((c) => c.code === focus.region)! : pick(counties)
    const activity = pick(activities)
    const year = focus && i < focus.count ? focus.year : pick(years)
    const month = 1 + Math.floor(rand() * 12)
    const day = 1 + Math.floor(rand() * 20)
    const start = `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`
    const end = `${year}-${String(month).padStart(2, '0')}-${String(day + Math.floor(rand() * 5)).padStart(2, '0')}`
    const tour = activity.kind === 'tour' && rand() < 0.5
    const entry = {
      activity: activity.id,
      region: region.code,
      title: `${region.name}${activity.name}（第${i + 1}场）`,
      start,
      end,
      ...(rand() < 0.3 ? { startTime: '09:00', endTime: '11:30' } : {}),
      venue: `${region.name}科技馆`,
      organiser: `${region.name}科学技术协会`,
      description: `${region.name}${activity.name}：科普展览、专家讲座和互动体验。`,
      status: rand() < 0.05 ? ('cancelled' as const) : ('planned' as const),
      revision: 1 + Math.floor(rand() * 3),
      ...(tour ? { stops: [{ place: `${region.name}第一站`, start, end: start }, { place: `${region.name}第二站`, start: end, end }] } : {}),
    }
    let id = `${year}-${activity.id}`
    for (let n = 2; used.has(`${region.code}/${id}`); n++) id = `${year}-${activity.id}-${n}`
    used.add(`${region.code}/${id}`)
    mkdirSync(join(dir, region.code), { recursive: true })
    writeFileSync(join(dir, region.code, `${id}.yaml`), entryToYaml(entry))
  }
}
