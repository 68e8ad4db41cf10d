import ICAL from 'ical.js'
import { describe, expect, it } from 'vitest'
import { FeedAssembler } from '../../../scripts/feeds/assemble'
import { lintFeed } from '../../../scripts/check/feedLint'
import { buildCalendar, buildSingleEvent } from '../../../src/domain/ical/feed'
import type { IcalContext } from '../../../src/domain/ical/event'
import { expandInstances } from '../../../src/domain/instances'
import type { Activity, Instance } from '../../../src/domain/types'
import { catalog } from '../helpers'

const ctx: IcalContext = { siteUrl: 'https://kepu.example.cn', activities: new Map(catalog.activities.map((a) => [a.id, a])), dataDate: '2026-11-23' }
const meta = { name: '科普日历 · 唐山市', description: '河北省 唐山市的全部科普活动', url: 'https://kepu.example.cn/feeds/130200.ics' }

const base: Instance = {
  uid: 'kepu-ri.000000.2024@kepu-calendar',
  activity: 'kepu-ri',
  kind: 'month',
  region: '000000',
  year: 2024,
  title: '全国科普日',
  start: '2024-09-15',
  end: '2024-09-25',
  basis: 'official',
  status: 'confirmed',
  sequence: 1,
  audience: ['public'],
  sources: [{ type: 'official', text: '中国科协通知' }],
}
const timed: Instance = {
  ...base,
  uid: 'local.130283.2026-kepu-yue@kepu-calendar',
  region: '130283',
  year: 2026,
  title: '迁安市全国科普月主场活动',
  start: '2026-09-12',
  end: '2026-09-12',
  basis: 'local',
  sequence: 2,
  local: { startTime: '09:00', endTime: '11:30', venue: '迁安市科技馆', organiser: '迁安市科协', updated: '2026-08-01' },
  sources: [{ type: 'local', file: 'seeds/local/130283/2026-kepu-yue.yaml', revision: 2 }],
}
const tentative: Instance = { ...base, uid: 'keji-huodong-zhou.000000.2026@kepu-calendar', activity: 'keji-huodong-zhou', year: 2026, title: '全国科技活动周', start: '2026-05-23', end: '2026-05-30', basis: 'rule', status: 'tentative', sequence: 0 }
const cancelled: Instance = { ...timed, uid: 'local.130283.dapengche@kepu-calendar', title: '科普大篷车进乡村', status: 'cancelled', sequence: 3 }

function events(text: string) {
  return new ICAL.Component(ICAL.parse(text)).getAllSubcomponents('vevent')
}

describe('feeds', () => {
  it('the assembled feed is byte for byte what ical-generator writes for the whole calendar', () => {
    const list = [base, tentative, timed, cancelled]
    expect(new FeedAssembler(ctx).feed(meta, list)).toBe(buildCalendar(meta, list, ctx))
    expect(new FeedAssembler(ctx).feed(meta, [base])).toBe(buildCalendar(meta, [base], ctx))
  })

  it.each([
    ['hostile', { name: '<b>名,称;</b>\\\n换行', description: `${'很长的描述，'.repeat(40)}\r\nline;two,three\\`, url: 'https://kepu.example.cn/feeds/130200-youth.ics' }],
    ['long ASCII', { name: 'a'.repeat(200), description: 'b'.repeat(300), url: `https://kepu.example.cn/${'c'.repeat(120)}` }],
    ['emoji', { name: '科普🔬日历'.repeat(12), description: '😀'.repeat(50), url: 'https://x/feeds/1.ics' }],
  ])('calendar lines match ical-generator for %s text', (_n, m) => {
    for (const list of [[], [base], [timed, cancelled]]) expect(new FeedAssembler(ctx).feed(m, list)).toBe(buildCalendar(m, list, ctx))
  })

  it('passes ical.js and the checks parsers miss', () => {
    expect(lintFeed(buildCalendar(meta, [base, tentative, timed, cancelled], ctx))).toEqual([])
  })

  it('writes every property a subscriber relies on', () => {
    const text = buildCalendar(meta, [base, tentative, timed, cancelled], ctx)
    for (const line of ['NAME:科普日历 · 唐山市', 'X-WR-CALNAME:科普日历 · 唐山市', 'X-WR-TIMEZONE:Asia/Shanghai', 'REFRESH-INTERVAL;VALUE=DURATION:P1D', 'X-PUBLISHED-TTL:P1D', 'PRODID:-//kepu-calendar//科普日历//ZH', 'BEGIN:VTIMEZONE']) {
      expect(text).toContain(`${line}\r\n`)
    }
    const [b, t, l, c] = events(text)
    expect(b!.getFirstProperty('dtstart')!.toICALString()).toBe('DTSTART;VALUE=DATE:20240915')
    // All-day DTEND is exclusive: the 25th is the last day, so DTEND is the 26th.
    expect(b!.getFirstProperty('dtend')!.toICALString()).toBe('DTEND;VALUE=DATE:20240926')
    expect(b!.getFirstPropertyValue('status')).toBe('CONFIRMED')
    expect(t!.getFirstPropertyValue('status')).toBe('TENTATIVE')
    // A projection whose week is over by the data date is not announced as 预计.
    expect(t!.getFirstPropertyValue('summary')).toBe('全国科技活动周（日期未核实，往年惯例推算）')
    expect(t!.getFirstPropertyValue('status')).toBe('TENTATIVE')
    const ahead = events(buildCalendar(meta, [{ ...tentative, uid: 'keji-huodong-zhou.000000.2027@kepu-calendar', year: 2027, start: '2027-05-22', end: '2027-05-29' }], ctx))[0]!
    expect(ahead.getFirstPropertyValue('summary')).toBe('全国科技活动周（预计）')
    expect(l!.getFirstProperty('dtstart')!.toICALString()).toBe('DTSTART;TZID=Asia/Shanghai:20260912T090000')
    expect(l!.getFirstPropertyValue('location')).toBe('迁安市科技馆')
    expect(l!.getFirstPropertyValue('last-modified')!.toString()).toBe('2026-08-01T00:00:00Z')
    expect(c!.getFirstPropertyValue('status')).toBe('CANCELLED')
    expect(String(b!.getFirstPropertyValue('url'))).toBe('https://kepu.example.cn/e/kepu-ri.000000.2024')
    expect(String(b!.getFirstPropertyValue('description'))).toContain('日期来源：中国科协通知')
    expect(b!.getFirstProperty('categories')!.getValues()).toEqual(['活动月', '公众'])
  })

  it('the same instance keeps its UID when its dates move, and SEQUENCE rises', () => {
    // The week as the build sees it before and after a notice fixes its dates: projected by its
    // rule, then official, then official again with a corrected date (revision 1).
    const week = catalog.activities.find((a) => a.id === 'keji-huodong-zhou')!
    const year = 2031
    const feedOf = (official: NonNullable<Activity['official']>) => {
      const [inst] = expandInstances({ activities: [{ ...week, official }], documents: [], mentions: [], years: [year] })
      return events(buildCalendar(meta, [inst!], ctx))[0]!
    }
    const notice = { year, start: '2031-05-24', end: '2031-05-31', source: '科技部等通知' }
    const stages = [feedOf([]), feedOf([notice]), feedOf([{ ...notice, start: '2031-05-17', end: '2031-05-24', revision: 1 }])]
    expect(stages.map((e) => e.getFirstPropertyValue('uid'))).toEqual(Array(3).fill(`keji-huodong-zhou.000000.${year}@kepu-calendar`))
    expect(stages.map((e) => String(e.getFirstPropertyValue('dtstart')))).toEqual(['2031-05-24', '2031-05-24', '2031-05-17'])
    expect(stages.map((e) => e.getFirstPropertyValue('status'))).toEqual(['TENTATIVE', 'CONFIRMED', 'CONFIRMED'])
    const sequences = stages.map((e) => Number(e.getFirstPropertyValue('sequence')))
    expect(sequences[1]).toBeGreaterThan(sequences[0]!)
    expect(sequences[2]).toBeGreaterThan(sequences[1]!)
  })

  it('hostile text in any field stays one valid property', () => {
    const evil = '<img src=x onerror=alert(1)>\n第二行, 逗号; 分号 \\ 反斜杠\r\nEND:VEVENT\nBEGIN:VEVENT'
    const long = '科普'.repeat(400)
    const inst: Instance = { ...timed, title: `${evil}${long}`, local: { ...timed.local, venue: evil, address: long, description: evil, organiser: evil, contact: evil } }
    const text = buildCalendar({ ...meta, name: evil, description: evil }, [inst], ctx)
    expect(lintFeed(text)).toEqual([])
    const cal = new ICAL.Component(ICAL.parse(text))
    const [ev] = cal.getAllSubcomponents('vevent')
    expect(cal.getAllSubcomponents('vevent')).toHaveLength(1)
    expect(ev!.getFirstPropertyValue('summary')).toBe(`${evil.replace(/\r\n/g, '\n')}${long}`)
    expect(ev!.getFirstPropertyValue('location')).toBe(`${evil.replace(/\r\n/g, '\n')}，${long}`)
    // Calendar name and description: escaped, one line each once unfolded.
    const unfolded = text.replace(/\r\n /g, '')
    const escaped = '<img src=x onerror=alert(1)>\\n第二行\\, 逗号\\; 分号 \\\\ 反斜杠\\nEND:VEVENT\\nBEGIN:VEVENT'
    expect(unfolded).toContain(`\r\nX-WR-CALNAME:${escaped}\r\n`)
    expect(unfolded).toContain(`\r\nX-WR-CALDESC:${escaped}\r\n`)
  })

  it('a single event for 添加到日历 is an import: METHOD:PUBLISH, one VEVENT, the feeds’ UID, no refresh lines', () => {
    const one = buildSingleEvent(base, ctx)
    expect(lintFeed(one)).toEqual([])
    expect(one).toContain('\r\nMETHOD:PUBLISH\r\n')
    expect(one).not.toMatch(/REFRESH-INTERVAL|X-PUBLISHED-TTL|X-WR-CALNAME/)
    expect(events(one).map((e) => e.getFirstPropertyValue('uid'))).toEqual([base.uid])
  })
})

describe('the strict feed check', () => {
  const good = buildCalendar(meta, [base, timed], ctx)
  it('passes what we write, multi-byte text folded by octets included', () => {
    expect(good.endsWith('END:VCALENDAR\r\n')).toBe(true)
    expect(lintFeed(good)).toEqual([])
  })

  it.each([
    ['a missing final CRLF', good.replace(/\r\n$/, ''), 'does not end with END:VCALENDAR and CRLF'],
    ['a bare LF', good.replace('\r\nVERSION', '\nVERSION'), 'bare LF'],
    ['a line over 75 octets', good.replace('SUMMARY:', `SUMMARY:${'科'.repeat(30)}`), 'longer than 75 octets'],
    ['an unescaped comma in TEXT', good.replace(/SUMMARY:[^\r]*/, 'SUMMARY:甲,乙'), 'SUMMARY has an unescaped ,'],
    ['an unescaped semicolon in TEXT', good.replace(/\r\nLOCATION:[^\r]*/, '\r\nLOCATION:甲;乙'), 'LOCATION has an unescaped ;'],
    ['a lone backslash in TEXT', good.replace(/SUMMARY:[^\r]*/, 'SUMMARY:甲\\乙'), 'SUMMARY has an unescaped \\'],
    ['a property out of place', good.replace('\r\nVERSION:2.0', '\r\nVERSION:2.0\r\nDTSTART;VALUE=DATE:20240101'), 'DTSTART outside a VEVENT'],
    ['an unknown property in VEVENT', good.replace('\r\nSEQUENCE:', '\r\nMETHOD:PUBLISH\r\nSEQUENCE:'), 'METHOD does not belong to VEVENT'],
  ])('fails on %s', (_what, text, message) => {
    expect(lintFeed(text).join('\n')).toContain(message)
  })
})
