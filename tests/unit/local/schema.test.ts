import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { entryJsonSchema } from '../../../scripts/local/jsonSchema'
import { checkEntryContext } from '../../../src/domain/local/rules'
import { checkEntry } from '../../../src/domain/local/schema'
import { entryToYaml, parseEntryYaml } from '../../../src/domain/local/yaml'
import { catalog, regions, root, TEST_TODAY, YEARS } from '../helpers'

const good = {
  activity: 'kepu-ri',
  region: '130283',
  start: '2026-09-12',
  end: '2026-09-12',
  organiser: '迁安市科学技术协会',
  status: 'planned',
  revision: 1,
}

// What a person sees for each mistake: the field and the message, in Chinese with English alongside.
describe('entry schema', () => {
  it('accepts a complete entry', () => {
    expect(checkEntry({ ...good, startTime: '09:00', endTime: '11:30', venue: '迁安市科技馆', link: 'https://example.cn/a', audience: ['youth'] }).problems).toEqual([])
  })

  it.each([
    ['activity', { activity: undefined }, '请选择活动'],
    ['activity', { activity: 'Kepu Ri' }, '活动 id 只含小写字母'],
    ['region', { region: '13028' }, '地区代码应为 6 位数字'],
    ['start', { start: undefined }, '请填写开始日期'],
    ['start', { start: '2026-02-30', end: '2026-03-01' }, '开始日期不是真实的日期'],
    ['start', { start: '2026/09/12' }, '开始日期格式应为 2026-09-12'],
    ['end', { end: '2026-09-01' }, '结束日期早于开始日期'],
    ['startTime', { startTime: '9点', endTime: '11:00' }, '开始时间格式应为 09:30'],
    ['endTime', { startTime: '09:00' }, '填了开始时间，也请填结束时间'],
    ['endTime', { startTime: '10:00', endTime: '09:00' }, '结束时间应晚于开始时间'],
    ['organiser', { organiser: '' }, '主办单位不能为空'],
    ['organiser', { organiser: undefined }, '请填写主办单位'],
    ['organiser', { organiser: 12 }, '主办单位应为文字'],
    ['title', { title: '科'.repeat(61) }, '标题最多 60 个字'],
    ['description', { description: '长'.repeat(2001) }, '活动介绍最多 2000 个字'],
    ['venue', { venue: 'a\u0007b' }, '含有不可见的控制字符'],
    ['link', { link: 'javascript:alert(1)' }, '链接必须以 http:// 或 https:// 开头'],
    ['link', { link: 'data:text/html,<script>' }, '链接必须以 http:// 或 https:// 开头'],
    ['link', { link: 'ftp://example.cn' }, '链接必须以 http:// 或 https:// 开头'],
    ['audience.0', { audience: ['children'] }, '面向人群只能是'],
    ['status', { status: 'done' }, '状态只能是 planned'],
    ['revision', { revision: 0 }, '版本号从 1 开始'],
    ['revision', { revision: 1.5 }, '版本号应为整数'],
    ['revision', { revision: 2147483648 }, '版本号最大 100000'],
    ['title', { title: '科普\u007f月' }, '含有不可见的控制字符'],
    ['title', { title: '科普\u0085月' }, '含有不可见的控制字符'],
    ['title', { title: '科\u200b普月' }, '看不见的格式字符'],
    ['organiser', { organiser: '迁安市\u200e科协' }, '看不见的格式字符'],
    ['venue', { venue: '科技馆\u2028二楼' }, '只能写一行'],
    ['link', { link: 'https://www.gov.cn@evil.example/' }, '“@”前的用户名'],
    ['link', { link: 'https://example.cn/\u200b' }, '隐藏字符'],
    ['stops.0.end', { end: '2026-09-20', stops: [{ place: '某镇', start: '2026-09-14', end: '2026-09-13' }] }, '站点结束日期早于开始日期'],
    ['stops.0.start', { stops: [{ place: '某镇', start: '2026-10-01', end: '2026-10-02' }] }, '第 1 站不在活动起止日期内'],
    ['colour', { colour: 'red' }, '不认识的字段 colour'],
  ])('%s: %j → %s', (field, change, message) => {
    const { problems } = checkEntry({ ...good, ...change })
    const hit = problems.find((p) => p.field === field)
    expect(hit, JSON.stringify(problems)).toBeDefined()
    expect(hit!.message).toContain(message)
    expect(hit!.message).toMatch(/\(.+\)/) // English alongside
  })

  it('takes an unquoted region code as the code it is', () => {
    expect(checkEntry({ ...good, region: 130283 }).entry?.region).toBe('130283')
  })

  it('lists every problem at once', () => {
    expect(checkEntry({ activity: 'kepu-ri', link: 'javascript:x' }).problems.map((p) => p.field).sort()).toEqual(['end', 'link', 'organiser', 'region', 'revision', 'start', 'status'])
  })
})

describe('rules that need the catalogue and region list', () => {
  const ctx = { activities: new Map(catalog.activities.map((a) => [a.id, a])), regionExists: (c: string) => regions.byCode.has(c), years: YEARS, dataDate: TEST_TODAY }
  const entry = checkEntry(good).entry!

  const beyond = YEARS.at(-1)! + 3
  it.each([
    ['an unknown activity', { ...entry, activity: 'no-such' }, {}, 'activity', '活动目录中没有 no-such'],
    ['an unknown region', { ...entry, region: '999999' }, {}, 'region', '没有地区代码 999999'],
    ['the wrong folder', entry, { folder: '130281' }, 'region', '只能发布地区 130281 的活动'],
    ['a year outside the window', { ...entry, start: `${beyond}-09-01`, end: `${beyond}-09-02` }, {}, 'start', `${beyond} 年不在日历范围`],
  ])('%s is an error', (_n, e, extra, field, message) => {
    const r = checkEntryContext(e, { ...ctx, ...extra })
    expect(r.errors.find((p) => p.field === field)?.message).toContain(message)
  })

  it('dates outside the activity’s period that year are a warning', () => {
    const calendar = [{ uid: 'u', activity: 'kepu-ri', kind: 'month' as const, region: '000000', year: 2026, title: '全国科普月', start: '2026-09-01', end: '2026-09-30', basis: 'official' as const, status: 'confirmed' as const, sequence: 1, audience: [], sources: [] }]
    const r = checkEntryContext({ ...entry, start: '2026-10-08', end: '2026-10-09' }, { ...ctx, calendar })
    expect(r.errors).toEqual([])
    expect(r.warnings[0]!.message).toContain('日期不在全国科普日 2026 年的活动期 2026-09-01—2026-09-30 内')
  })

  it('a date far in the past is a warning', () => {
    const r = checkEntryContext({ ...entry, start: '2025-03-01', end: '2025-03-02' }, ctx)
    expect(r.warnings.map((w) => w.field)).toContain('end')
  })
})

describe('the entry file', () => {
  it('round-trips through YAML, hostile text included', () => {
    const e = checkEntry({ ...good, description: '第一行\n第二行: 冒号 # 井号 "引号" <img src=x onerror=alert(1)>', venue: "'单引号' & 符号" }).entry!
    const text = entryToYaml(e)
    expect(text.startsWith('# yaml-language-server: $schema=../entry.schema.json\n')).toBe(true)
    expect(checkEntry(parseEntryYaml(text).value).entry).toEqual(e)
  })

  it('points problems at their line', () => {
    const parsed = parseEntryYaml('activity: kepu-ri\nregion: "130283"\nstart: 2026-09-12\nend: 2026-09-01\n')
    expect(parsed.lineOf('end')).toBe(4)
    expect(parseEntryYaml('a: [1\nb: 2').problems[0]!.line).toBe(2)
  })

  it('the committed JSON Schema is the current one (npm run schema)', () => {
    const committed = JSON.parse(readFileSync(`${root}seeds/local/entry.schema.json`, 'utf8'))
    expect(committed).toEqual(entryJsonSchema(catalog.activities))
  })
})
