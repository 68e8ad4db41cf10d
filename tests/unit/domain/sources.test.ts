import { describe, expect, it } from 'vitest'
import { describeInstance } from '@/domain/ical/describe'
import { sourceBlocks } from '@/domain/sources'
import type { Instance, Source } from '@/domain/types'

const doc = (quote: string, clause = ''): Extract<Source, { type: 'document' }> => ({ type: 'document', document: 'n1', docNumber: '科协发普字〔2025〕1号', title: '关于举办2025年全国科普月活动的通知', regionName: '全国', clause, quote })

describe('sources as a reader sees them', () => {
  it('cite each document once, with its clauses in order; a quote of the title alone, or twice, is left out', () => {
    const blocks = sourceBlocks([
      doc('关于举办2025年全国科普月活动的通知'),
      doc('9月1日至30日集中开展全国科普月活动。', '一、'),
      { type: 'official', text: '《科普法》第二十七条' },
      doc('各地要组织开展全国科普月系列活动。', '二、（一）'),
      doc('9月1日至30日集中开展全国科普月活动。', '一、'),
      { ...doc('全国科普月：9月1日至30日。'), document: 'n2', title: '省科协转发的通知' },
    ])
    expect(blocks.map((b) => b.type)).toEqual(['document', 'official', 'document'])
    expect(blocks[0]).toMatchObject({ document: 'n1', quotes: [{ clause: '一、' }, { clause: '二、（一）' }] })
    expect(blocks[2]).toMatchObject({ document: 'n2', quotes: [{ quote: '全国科普月：9月1日至30日。' }] })
  })

  it('in a feed: one line per document, and a projection’s caveat once', () => {
    const inst: Instance = {
      uid: 'kepu-ri.000000.2027@kepu-calendar', activity: 'kepu-ri', kind: 'month', region: '000000', year: 2027, title: '全国科普月',
      start: '2027-09-01', end: '2027-09-30', basis: 'rule', status: 'tentative', sequence: 0, audience: ['public'],
      sources: [doc('关于举办2025年全国科普月活动的通知'), doc('9月1日至30日集中开展全国科普月活动。', '一、'), { type: 'rule', text: '每年9月' }, { type: 'rule', text: '往年惯例' }],
    }
    const text = describeInstance(inst, 'https://x/e/1', '2026-12-07')
    expect(text.match(/依据：/g)).toHaveLength(1)
    expect(text.match(/日期推算：/g)).toHaveLength(2)
    expect(text.match(/按往年惯例推算，以正式通知为准/g)).toHaveLength(1)
  })
})
