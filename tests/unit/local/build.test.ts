import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import ICAL from 'ical.js'
import { describe, expect, it } from 'vitest'
import { lintFeed } from '../../../scripts/check/feedLint'
import type { RegionCalendar } from '../../../src/domain/types'
import { runData } from '../helpers'

function folder(files: Record<string, string>): string {
  const dir = mkdtempSync(join(tmpdir(), 'kepu-local-'))
  for (const [path, body] of Object.entries(files)) {
    mkdirSync(join(dir, path, '..'), { recursive: true })
    writeFileSync(join(dir, path), body)
  }
  return dir
}

const entry = (fields: Record<string, string | number>) =>
  Object.entries({ activity: 'kepu-ri', region: '"130283"', start: '2026-09-12', end: '2026-09-12', organiser: '迁安市科学技术协会', status: 'planned', revision: 1, ...fields })
    .map(([k, v]) => `${k}: ${v}`)
    .join('\n')

function built(out: string, code: string): RegionCalendar {
  const { version } = JSON.parse(readFileSync(join(out, 'data/latest.json'), 'utf8'))
  return JSON.parse(readFileSync(join(out, 'data', version, 'r', `${code}.json`), 'utf8'))
}

describe('organisers’ entries in the build', () => {
  it('a folder of bad entries gives one clear error report and no output', () => {
    const local = folder({
      '130281/wrong-folder.yaml': entry({}),
      '130283/feb-30.yaml': entry({ start: '2026-02-30', end: '2026-03-01' }),
      '130283/backwards.yaml': entry({ end: '2026-09-01' }),
      '130283/unknown-activity.yaml': entry({ activity: 'kepu-jie' }),
      '130283/script-link.yaml': entry({ link: 'javascript:alert(1)' }),
      '130283/missing.yaml': 'activity: kepu-ri\nregion: "130283"\n',
      '130283/dup-a.yaml': entry({}),
      '130283/dup-b.yaml': entry({ start: '2026-09-19', end: '2026-09-19' }),
      '130283/Bad Name.yaml': entry({}),
      'loose.yaml': entry({}),
    })
    const out = mkdtempSync(join(tmpdir(), 'kepu-out-'))
    const r = runData(['--local', local, '--out', out, '--quiet'])
    expect(r.status).toBe(1)
    const lines = r.stderr.split('\n')
    const has = (file: string, text: string) => expect(lines.some((l) => l.startsWith('error') && l.includes(file) && l.includes(text)), `${file}: ${text}\n${r.stderr}`).toBe(true)
    has('seeds/local/130281/wrong-folder.yaml:line 2:region', '只能发布地区 130281 的活动')
    has('seeds/local/130283/feb-30.yaml:line 3:start', '不是真实的日期')
    has('seeds/local/130283/backwards.yaml:line 4:end', '结束日期早于开始日期')
    has('seeds/local/130283/unknown-activity.yaml:line 1:activity', '活动目录中没有 kepu-jie')
    has('seeds/local/130283/script-link.yaml:line 8:link', 'http:// 或 https://')
    has('seeds/local/130283/missing.yaml:start', '请填写开始日期')
    has('seeds/local/130283/missing.yaml:organiser', '主办单位')
    has('seeds/local/130283/Bad Name.yaml', '文件名只用小写字母')
    has('seeds/local/loose.yaml', '文件夹中')
    expect(r.stderr).toMatch(/warning  seeds\/local\/130283\/dup-b\.yaml.*同一地区同一年已有这项活动/)
    expect(r.stderr).toContain('nothing was written')
    expect(readdirSync(out)).toEqual([])
  })

  it('good entries appear in the county’s calendar JSON and feed, linked to the ordering documents', () => {
    const local = folder({
      '130283/2026-kepu-yue.yaml': entry({ title: '迁安市全国科普月主场活动', startTime: '"09:00"', endTime: '"11:30"', venue: '迁安市科技馆' }),
      '130283/2026-dapengche.yaml': `${entry({ activity: 'kepu-dapengche', start: '2026-10-10', end: '2026-10-20', title: '科普大篷车进乡镇', venue: '迁安市科技馆', address: '迁安市惠宁大街1号' })}\nstops:\n  - place: 杨店子镇\n    start: 2026-10-10\n    end: 2026-10-11\n  - place: 蔡园镇\n    start: 2026-10-15\n    end: 2026-10-15\n`,
    })
    const out = mkdtempSync(join(tmpdir(), 'kepu-out-'))
    const r = runData(['--local', local, '--out', out, '--quiet'])
    expect(r.status, r.stderr).toBe(0)
    expect(r.stdout).toMatch(/local entries\s+2/)
    const cal = built(out, '130283')
    const main = cal.instances.find((i) => i.uid === 'local.130283.2026-kepu-yue@kepu-calendar')!
    expect(main).toMatchObject({ region: '130283', basis: 'local', status: 'confirmed', sequence: 1, start: '2026-09-12', title: '迁安市全国科普月主场活动' })
    const stops = cal.instances.filter((i) => i.uid.startsWith('local.130283.2026-dapengche.'))
    expect(stops.map((s) => [s.title, s.start, s.end])).toEqual([
      ['科普大篷车进乡镇 · 杨店子镇', '2026-10-10', '2026-10-11'],
      ['科普大篷车进乡镇 · 蔡园镇', '2026-10-15', '2026-10-15'],
    ])
    // A stop is where the caravan is that day: its town, not the main venue's address glued to it.
    expect(stops.map((s) => [s.local?.venue, s.local?.address])).toEqual([
      ['杨店子镇', undefined],
      ['蔡园镇', undefined],
    ])
    // The city above sees them only when it asks for its sub-regions' entries.
    expect(built(out, '130200').instances.some((i) => i.basis === 'local')).toBe(false)
    const { version } = JSON.parse(readFileSync(join(out, 'data/latest.json'), 'utf8'))
    expect(JSON.parse(readFileSync(join(out, 'data', version, 'sub/130200.json'), 'utf8'))).toHaveLength(3)
    const feed = readFileSync(join(out, 'feeds/130283.ics'), 'utf8')
    expect(lintFeed(feed)).toEqual([])
    expect(feed).toContain('DTSTART;TZID=Asia/Shanghai:20260912T090000')
    expect(feed).toContain('BEGIN:VTIMEZONE')
    expect(existsSync(join(out, 'feeds/130200.ics'))).toBe(true)
  }, 60_000)

  it('editing keeps the UID and raises SEQUENCE; cancelling keeps the event as CANCELLED', () => {
    const feedEvent = (fields: Record<string, string | number>) => {
      const local = folder({ '130283/2026-kepu-yue.yaml': entry(fields) })
      const out = mkdtempSync(join(tmpdir(), 'kepu-out-'))
      const r = runData(['--local', local, '--out', out, '--quiet'])
      expect(r.status, r.stderr).toBe(0)
      const cal = new ICAL.Component(ICAL.parse(readFileSync(join(out, 'feeds/130283.ics'), 'utf8')))
      return cal.getAllSubcomponents('vevent').find((e) => e.getFirstPropertyValue('uid') === 'local.130283.2026-kepu-yue@kepu-calendar')!
    }
    const first = feedEvent({})
    const edited = feedEvent({ start: '2026-09-19', end: '2026-09-19', revision: 2 })
    const cancelled = feedEvent({ start: '2026-09-19', end: '2026-09-19', revision: 3, status: 'cancelled' })
    expect([first, edited, cancelled].map((e) => e.getFirstPropertyValue('sequence'))).toEqual([1, 2, 3])
    expect(String(edited.getFirstPropertyValue('dtstart'))).toBe('2026-09-19')
    expect(first.getFirstPropertyValue('status')).toBe('CONFIRMED')
    expect(cancelled.getFirstPropertyValue('status')).toBe('CANCELLED')
  }, 90_000)
})
