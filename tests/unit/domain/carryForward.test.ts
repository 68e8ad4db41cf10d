import { describe, expect, it } from 'vitest'
import { carryForward, type CarryInput } from '../../../src/domain/carryForward'
import type { Instance, Source } from '../../../src/domain/types'
import { catalog } from '../helpers'

const doc = (year: number): Source => ({ type: 'document', document: `d${year}`, docNumber: null, title: `县${year}年科技活动周启动`, regionName: '桐柏县', clause: '', quote: `${year}年桐柏县科技活动周启动` })
const held = (year: number, over: Partial<Instance> = {}): Instance => ({
  uid: `keji-huodong-zhou.411330.${year}@kepu-calendar`,
  activity: 'keji-huodong-zhou',
  kind: 'week',
  region: '411330',
  year,
  title: '全国科技活动周',
  start: `${year}-05-24`,
  end: `${year}-05-31`,
  basis: 'document',
  status: 'confirmed',
  sequence: 1,
  audience: ['public'],
  sources: [doc(year)],
  ...over,
})
const week = (year: number) => ({ start: `${year}-05-22`, end: `${year}-05-29` })
const run = (instances: Instance[], over: Partial<CarryInput> = {}) =>
  carryForward({ instances, activities: catalog.activities, years: [2023, 2024, 2025, 2026, 2027], today: '2026-09-02', periodOf: (_a, y) => week(y), ...over })

describe('local series carried forward (往年惯例)', () => {
  it('projects the next edition whose period is still ahead, tentative, with the past editions and their documents', () => {
    const [p, ...rest] = run([held(2024), held(2025)])
    expect(rest).toEqual([])
    expect(p).toMatchObject({ uid: 'keji-huodong-zhou.411330.2027@kepu-calendar', region: '411330', year: 2027, start: '2027-05-22', end: '2027-05-29', basis: 'rule', status: 'tentative', carried: [2024, 2025] })
    expect(p!.local).toBeUndefined()
    expect(p!.sources[0]).toMatchObject({ type: 'rule', text: expect.stringContaining('往年惯例：本地2024年、2025年举办过') })
    expect(p!.sources.slice(1)).toEqual([doc(2024), doc(2025)])
  })

  it('projects this year when its period has not ended yet', () => {
    expect(run([held(2025)], { today: '2026-05-01' })[0]?.year).toBe(2026)
  })

  it.each([
    ['an undated mention', held(2025, { start: null, end: null, basis: null, status: 'undated' })],
    ['another projection', held(2025, { basis: 'rule', status: 'tentative' })],
    ['a cancelled edition', held(2025, { status: 'cancelled' })],
    ['an edition too long ago', held(2023)],
    ['the nation itself', held(2025, { region: '000000' })],
  ])('never projects from %s', (_what, instance) => {
    expect(run([instance])).toEqual([])
  })

  it("gives way to the year's own document or entry", () => {
    const entry = held(2027, { uid: 'local.411330.kjz@kepu-calendar', basis: 'local' })
    expect(run([held(2025), entry])).toEqual([])
    expect(run([held(2025), held(2027, { start: null, end: null, basis: null, status: 'undated' })])).toEqual([])
  })

  it('projects nothing without a period for the year (a tour with no rule)', () => {
    expect(run([held(2025)], { periodOf: () => null })).toEqual([])
  })
})
