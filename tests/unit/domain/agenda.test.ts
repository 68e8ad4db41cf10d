import { describe, expect, it } from 'vitest'
import { nextEvents } from '../../../src/domain/agenda'
import type { ListedInstance } from '../../../src/domain/types'

const ev = (title: string, start: string | null, end: string | null, more: Partial<ListedInstance> = {}): ListedInstance => ({
  uid: `${title}.000000.2026@kepu-calendar`,
  activity: title,
  kind: 'day',
  region: '000000',
  year: 2026,
  title,
  start,
  end,
  basis: start ? 'official' : null,
  status: start ? 'confirmed' : 'undated',
  sequence: 1,
  audience: ['public'],
  ...more,
})

describe('nextEvents (the widget’s list)', () => {
  const list = [
    ev('已结束', '2026-11-01', '2026-11-07'),
    ev('明年', '2027-03-23', '2027-03-23'),
    ev('进行中', '2026-11-20', '2026-11-30'),
    ev('待公布', null, null),
    ev('已取消', '2026-12-01', '2026-12-01', { status: 'cancelled' }),
    ev('青少年', '2026-12-05', '2026-12-05', { audience: ['youth'] }),
  ]

  it('shows what is under way or to come, by start, without the ended, the undated and the cancelled', () => {
    expect(nextEvents(list, '2026-11-24', { limit: 5 }).map((i) => i.title)).toEqual(['进行中', '青少年', '明年'])
  })

  it('keeps to one audience and to the limit', () => {
    expect(nextEvents(list, '2026-11-24', { audience: 'youth', limit: 5 }).map((i) => i.title)).toEqual(['青少年'])
    expect(nextEvents(list, '2026-11-24', { limit: 1 }).map((i) => i.title)).toEqual(['进行中'])
    expect(nextEvents(list, '2026-11-24', { limit: 0 })).toEqual([])
  })
})
