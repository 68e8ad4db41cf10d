import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { root, runData } from './helpers'

// National notices are read like any other document: their dates for the national activities
// they announce are the year's official dates, and they win over the catalogue's table.
const NOTICE = (dates: string) => `科技部 中央宣传部 中国科协关于举办2024年全国科技活动周的通知
国科发才〔2024〕31号
各省、自治区、直辖市科技厅（委、局）、党委宣传部、科协：
科技部、中央宣传部、中国科协将共同主办2024年全国科技活动周。现将有关事项通知如下。
一、时间、主题及主要内容
（一）时间。
${dates}
（二）主题。
弘扬科学家精神 激发全社会创新活力
科技部 中央宣传部 中国科协
2024年4月28日
`

function build(name: string, notice: string) {
  const dir = join(root, '.tmp/unit-notices', name)
  rmSync(dir, { recursive: true, force: true })
  mkdirSync(join(dir, 'docs'), { recursive: true })
  writeFileSync(join(dir, 'docs/notice.txt'), notice)
  const run = runData(['--documents', join(dir, 'docs'), '--out', join(dir, 'out'), '--quiet'])
  expect(run.status, run.stderr).toBe(0)
  const pointer = JSON.parse(readFileSync(join(dir, 'out/data/latest.json'), 'utf8'))
  const national = JSON.parse(readFileSync(join(dir, 'out', pointer.path, 'r/000000.json'), 'utf8'))
  const uid = 'keji-huodong-zhou.000000.2024@kepu-calendar'
  const week = national.instances.find((i: { uid: string }) => i.uid === uid)
  // The calendar file leaves sources out; the event page reads them from s/<code>.json.
  const sources = JSON.parse(readFileSync(join(dir, 'out', pointer.path, 's/000000.json'), 'utf8'))
  return { run, week: { ...week, sources: sources[uid] }, listed: week, pointer }
}

describe('national notices', () => {
  it('a notice that agrees with the table gives the official instance its clause as the source', () => {
    const { run, week, listed } = build('agree', NOTICE('2024年5月25日-6月1日'))
    expect(run.stderr).not.toContain('不一致')
    expect(listed).not.toHaveProperty('sources')
    expect(week).toMatchObject({ start: '2024-05-25', end: '2024-06-01', basis: 'official', status: 'confirmed', sequence: 1 })
    expect(week.sources[0]).toMatchObject({ type: 'document', docNumber: '国科发才〔2024〕31号' })
    expect(week.sources[0].quote).toContain('2024年全国科技活动周')
  }, 60_000)

  it('a notice that disagrees with the table wins, is warned about, and raises SEQUENCE', () => {
    const { run, week } = build('disagree', NOTICE('2024年5月18日-25日'))
    expect(run.stderr).toContain('warning  notice.txt:keji-huodong-zhou: 通知的日期 2024-05-18—2024-05-25 与活动目录 seeds/catalog.yaml 中 2024 年的 2024-05-25—2024-06-01')
    expect(week).toMatchObject({ start: '2024-05-18', end: '2024-05-25', basis: 'official', sequence: 2 })
  }, 60_000)

  it('the data date is the newest date of the inputs', () => {
    const { pointer } = build('date', NOTICE('2024年5月25日-6月1日'))
    // The catalogue's newest published source (2026) is newer than the notice (2024-04-28).
    expect(pointer.dataDate).toBe('2026-09-02')
  }, 60_000)
})
