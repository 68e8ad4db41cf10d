import { describe, expect, it } from 'vitest'
import { FEED_KINDS, feedCounts, feedKindsOf, withCounties } from '@/domain/feeds'

describe('a city’s feed with its counties', () => {
  it('adds the counties’ own events, each event once (a county’s view of a national event has its UID)', () => {
    const city = [{ uid: 'kepu-ri.000000.2026' }, { uid: 'keji-huodong-zhou.130200.2026' }]
    const counties = [{ uid: 'kepu-ri.000000.2026' }, { uid: 'local.130283.a' }, { uid: 'local.130283.a' }, { uid: 'local.130281.b' }]
    expect(withCounties(city, counties).map((i) => i.uid)).toEqual(['kepu-ri.000000.2026', 'keji-huodong-zhou.130200.2026', 'local.130283.a', 'local.130281.b'])
  })

  it('is offered only where counties lie directly below, and says what it holds', () => {
    expect(feedKindsOf(0).map((k) => k.id)).toEqual(['all', 'youth'])
    expect(feedKindsOf(14).map((k) => k.id)).toEqual(['all', 'youth', 'counties'])
    expect(feedKindsOf(14)[2]!.holds('唐山市', 14)).toBe('全部活动，另含唐山市下辖 14 个区县自己的活动')
  })
})

describe('what a feed holds, said plainly', () => {
  it('counts the dated events a feed carries from one year back, and the undated ones still to come', () => {
    const base = { activity: 'a', kind: 'day' as const, region: '000000', basis: null, sequence: 0, edition: undefined }
    const list = [
      { ...base, uid: '1', title: '航天日', year: 2026, start: '2026-04-24', end: '2026-04-24', status: 'confirmed' as const, audience: ['youth' as const] },
      { ...base, uid: '2', title: '旧', year: 2024, start: '2024-04-24', end: '2024-04-24', status: 'confirmed' as const, audience: ['youth' as const] },
      { ...base, uid: '3', title: '大赛', year: 2027, start: null, end: null, status: 'undated' as const, audience: ['youth' as const] },
      { ...base, uid: '4', title: '科普日', year: 2026, start: '2026-09-01', end: '2026-09-30', status: 'confirmed' as const, audience: ['public' as const] },
    ]
    expect(feedCounts(list, FEED_KINDS[1]!, '2026-09-02')).toEqual({ dated: 1, undated: 1 })
    expect(feedCounts(list, FEED_KINDS[0]!, '2026-09-02')).toEqual({ dated: 2, undated: 1 })
  })
})
