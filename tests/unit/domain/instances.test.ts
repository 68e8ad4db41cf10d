import { describe, expect, it } from 'vitest'
import { calendarOf } from '../../../src/domain/calendar'
import { expandInstances } from '../../../src/domain/instances'
import type { Instance, RegionData } from '../../../src/domain/types'
import { catalog, extract, notice, regions, seed, YEARS } from '../helpers'

const years = YEARS
const seeds = ['000_0f326916cb300b16.txt', '001_fdfd60ea9a7d59a6.txt', '002_49ac75adaf9f7ba7.txt', '003_841b45b980830f5f.txt', '004_08a855d03f2fc296.txt'].map(seed)
const instances = expandInstances({
  activities: catalog.activities,
  documents: seeds.map((s) => s.document!),
  mentions: seeds.flatMap((s) => s.mentions),
  years,
})

function calendar(code: string, list: Instance[] = instances): Instance[] {
  const chain: RegionData[] = regions.path(code).map((r) => ({ region: r, path: [], instances: list.filter((i) => i.region === r.code) }))
  return calendarOf(chain)
}
const find = (list: Instance[], activity: string, year: number) => list.find((i) => i.activity === activity && i.year === year)

// ../shared/reference/official-dates.md
describe('national dates per year', () => {
  it.each([
    ['kepu-ri', 2023, '2023-09-17', '2023-09-23', 'official', '全国科普日'],
    ['kepu-ri', 2024, '2024-09-15', '2024-09-25', 'official', '全国科普日'],
    ['kepu-ri', 2025, '2025-09-01', '2025-09-30', 'official', '全国科普月'],
    ['kepu-ri', 2027, '2027-09-01', '2027-09-30', 'official', '全国科普月'],
    ['keji-huodong-zhou', 2023, '2023-05-20', '2023-05-31', 'official', '全国科技活动周'],
    ['keji-huodong-zhou', 2024, '2024-05-25', '2024-06-01', 'official', '全国科技活动周'],
    ['keji-huodong-zhou', 2025, '2025-05-24', '2025-05-31', 'official', '全国科技活动周'],
    ['keji-huodong-zhou', 2026, '2026-05-23', '2026-05-30', 'rule', '全国科技活动周'],
    ['fangzai-jianzai-ri', 2026, '2026-05-12', '2026-05-12', 'official', '全国防灾减灾日'],
    ['fangzai-jianzai-zhou', 2024, '2024-05-11', '2024-05-17', 'official', '防灾减灾宣传周'],
    ['fangzai-jianzai-zhou', 2025, '2025-05-12', '2025-05-18', 'official', '防灾减灾宣传周'],
    ['keji-gongzuozhe-ri', 2024, '2024-05-30', '2024-05-30', 'official', '全国科技工作者日'],
    ['shijie-qixiang-ri', 2025, '2025-03-23', '2025-03-23', 'official', '世界气象日'],
    ['zhongguo-hangtian-ri', 2023, '2023-04-24', '2023-04-24', 'official', '中国航天日'],
    ['jieneng-xuanchuan-zhou', 2023, '2023-07-10', '2023-07-16', 'official', '全国节能宣传周'],
    ['quanguo-ditan-ri', 2025, '2025-06-25', '2025-06-25', 'official', '全国低碳日'],
    ['wangluo-anquan-zhou', 2025, '2025-09-15', '2025-09-21', 'official', '国家网络安全宣传周'],
    ['laonian-jiankang-zhou', 2024, '2024-06-24', '2024-06-30', 'official', '老年健康宣传周'],
  ])('%s %i: %s – %s (%s)', (activity, year, start, end, basis, title) => {
    const inst = find(calendar('000000'), activity, year)!
    expect(inst).toMatchObject({ start, end, basis, title, status: basis === 'rule' ? 'tentative' : 'confirmed' })
  })

  it('a week with no rule and no notice is not invented (防灾减灾宣传周 2026)', () => {
    expect(find(calendar('000000'), 'fangzai-jianzai-zhou', 2026)).toBeUndefined()
  })
})

describe('region calendars', () => {
  it('a county carries national, provincial and city instances (迁安市 ← 唐山市 ← 河北省 ← 全国)', () => {
    const cal = calendar('130283')
    expect(find(cal, 'fangzai-jianzai-ri', 2023)!.region).toBe('000000')
    const kepu = find(cal, 'kepu-ri', 2023)!
    expect(kepu.region).toBe('130200')
    // The city's view of the national event carries the city clause and the national notice.
    expect(kepu.sources.map((s) => (s.type === 'document' ? s.clause : s.type))).toEqual(['16.', 'official'])
  })

  it('one event per UID: 唐山 ordering 全国科普日 2023 does not duplicate the national one', () => {
    const cal = calendar('130200')
    expect(cal.filter((i) => i.activity === 'kepu-ri' && i.year === 2023)).toHaveLength(1)
    expect(new Set(cal.map((i) => i.uid)).size).toBe(cal.length)
  })

  it('吉林省科普周 held with 全国科普日 (暨) has the official date in 2023 and a tentative one later', () => {
    const cal = calendar('220000')
    expect(find(cal, 'jilin-kepu-zhou', 2023)).toMatchObject({ start: '2023-09-17', end: '2023-09-23', basis: 'official', region: '220000' })
    expect(find(cal, 'jilin-kepu-zhou', 2026)).toMatchObject({ start: '2026-09-01', basis: 'rule', status: 'tentative' })
    expect(find(calendar('130200'), 'jilin-kepu-zhou', 2023)).toBeUndefined()
  })

  it('an activity with no date and no rule is listed for its year as not yet announced', () => {
    const dapengche = find(calendar('630000'), 'kepu-dapengche', 2023)!
    expect(dapengche).toMatchObject({ start: null, end: null, status: 'undated', basis: null })
    expect(find(calendar('630000'), 'kepu-dapengche', 2024)).toBeUndefined()
  })

  it('editions follow the year: 第38届 in 2023', () => {
    expect(find(calendar('630000'), 'qinghai-qingshaonian-dasai', 2023)!.title).toBe('第38届青海省青少年科技创新大赛')
  })

  it('a stated date makes a regional instance with basis `document` beside the national one', () => {
    const doc = extract(notice('全国科普日吉林主场活动定于9月14日—20日举行。', '吉林省科学技术协会', '吉科协发普字〔2024〕1号'))
    const list = expandInstances({ activities: catalog.activities, documents: [doc.document!], mentions: doc.mentions, years })
    const cal = calendar('220000', list).filter((i) => i.activity === 'kepu-ri' && i.year === 2024)
    expect(cal.map((i) => [i.region, i.basis, i.start, i.end])).toEqual([
      ['220000', 'document', '2024-09-14', '2024-09-20'],
      ['000000', 'official', '2024-09-15', '2024-09-25'],
    ])
  })
})

describe('UIDs', () => {
  it('never depend on dates: the same series-year keeps its UID when the date moves', () => {
    const moved = catalog.activities.map((a) =>
      a.id === 'keji-huodong-zhou' ? { ...a, official: [...(a.official ?? []), { year: 2026, start: '2026-05-16', end: '2026-05-23', source: 'test', revision: 0 }] } : a,
    )
    const before = expandInstances({ activities: catalog.activities, documents: [], mentions: [], years })
    const after = expandInstances({ activities: moved, documents: [], mentions: [], years })
    const a = find(before, 'keji-huodong-zhou', 2026)!
    const b = find(after, 'keji-huodong-zhou', 2026)!
    expect(b.uid).toBe(a.uid)
    expect(b.start).not.toBe(a.start)
    expect(b.sequence).toBeGreaterThan(a.sequence)
  })
})
