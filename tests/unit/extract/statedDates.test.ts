import { describe, expect, it } from 'vitest'
import { findStatedDates } from '../../../scripts/extract/statedDates'
import { extract, notice } from '../helpers'

describe('dates a document states', () => {
  it.each([
    ['全国科普日定于9月16日举行', [['2024-09-16', '2024-09-16']]],
    ['9月17日—23日', [['2024-09-17', '2024-09-23']]],
    ['9月17-23日', [['2024-09-17', '2024-09-23']]],
    ['9月17日至9月23日', [['2024-09-17', '2024-09-23']]],
    ['2024年5月24日-6月2日', [['2024-05-24', '2024-06-02']]],
    ['2025年5月24日至31日', [['2025-05-24', '2025-05-31']]],
    ['12月28日至1月3日', [['2024-12-28', '2025-01-03']]],
    ['5月12日是第16个全国防灾减灾日', [['2024-05-12', '2024-05-12']]],
    ['每年9月开展', []],
  ])('%s', (text, expected) => {
    expect(findStatedDates(text, 2024).dates.map((d) => [d.start, d.end])).toEqual(expected)
  })

  it('an impossible day is a problem, not a date', () => {
    const r = findStatedDates('定于2月30日举行', 2024)
    expect(r.dates).toEqual([])
    expect(r.problems[0]!.reason).toContain('不存在的日期')
  })

  it('a stated date gives the nearest activity in the sentence a `document` date', () => {
    const r = extract(notice('全国科普日吉林主场活动定于9月14日—20日举行，同期开展科技之冬启动仪式。'))
    const kepu = r.mentions.find((m) => m.activity === 'kepu-ri')!
    expect(kepu.stated).toEqual({ start: '2024-09-14', end: '2024-09-20', text: '9月14日—20日' })
    expect(r.mentions.find((m) => m.activity === 'jilin-keji-zhi-dong')!.stated).toBeUndefined()
  })

  it('a document with 2月30日 warns with file and line, and keeps the rest', () => {
    const r = extract(notice('防灾减灾日活动定于2月30日举行。'), 'bad-date.txt')
    expect(r.mentions.map((m) => m.activity)).toEqual(['fangzai-jianzai-ri'])
    expect(r.problems).toHaveLength(1)
    expect(r.problems[0]).toMatchObject({ file: 'bad-date.txt', line: 13 })
  })
})
