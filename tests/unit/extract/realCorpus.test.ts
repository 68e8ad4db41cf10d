import { readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import * as OpenCC from 'opencc-js'
import { describe, expect, it } from 'vitest'
import { parse } from 'yaml'
import { extractDocument, type Extracted } from '../../../scripts/extract/document'
import { isDocumentFile, readDocument } from '../../../scripts/extract/read'
import { preferredPeriod } from '../../../src/domain/dates'
import { matcher, names, regions, root } from '../helpers'

// Real documents copied from government sites, portals and newspapers (each keeps its SOURCE line),
// labelled by hand in expected.yaml. The figure is printed per field; the bar is 95% overall and
// every region the text names.
interface Label {
  region: string | null
  number: string | null
  year: number
  activities: string[]
  stated?: Record<string, [string, string]>
}

const dir = join(root, 'tests/fixtures/real')
const labels = parse(readFileSync(join(dir, 'expected.yaml'), 'utf8'), { version: '1.1' }) as Record<string, Label>
const files = readdirSync(dir).filter(isDocumentFile).sort()
const toSimplified = OpenCC.Converter({ from: 't', to: 'cn' })
const PORTAL_FIELD = /(?:^|\s|[|•·])(索\s*引\s*号|发布机构|发文机关|文\s*号|备注\/文号|发文文号|成文日期|发布日期|发布时间|生成日期|公文生成日期|主题分类|有效性|来源|來源|名称|发文标题|发文部门)\s*[:：|]/gm

async function extractAll(): Promise<Map<string, Extracted>> {
  const out = new Map<string, Extracted>()
  for (const f of files) out.set(f, extractDocument(f, await readDocument(f, readFileSync(join(dir, f))), matcher, names))
  return out
}
const results = extractAll()

type Field = 'region' | 'number' | 'year' | 'activities' | 'stated'
const fmtDate = (d: unknown) => (d instanceof Date ? d.toISOString().slice(0, 10) : String(d))

function score(file: string, label: Label, x: Extracted): { field: Field; ok: boolean; what: string }[] {
  const d = x.document
  const out: { field: Field; ok: boolean; what: string }[] = []
  const check = (field: Field, ok: boolean, what: string) => out.push({ field, ok, what: `${file}: ${what}` })
  check('region', (d?.regionCode ?? null) === label.region, `region ${d?.regionCode} (${d?.regionName}), expected ${label.region}`)
  check('number', (d?.docNumber ?? null) === label.number, `文号 ${d?.docNumber}, expected ${label.number}`)
  check('year', d?.year === label.year, `year ${d?.year}, expected ${label.year}`)
  const found = new Set(x.mentions.map((m) => m.activity))
  for (const a of label.activities) check('activities', found.has(a), `activity ${a} not found`)
  for (const a of found) if (!label.activities.includes(a)) check('activities', false, `activity ${a} found, not in the document`)
  for (const [activity, [start, end]] of Object.entries(label.stated ?? {})) {
    const period = preferredPeriod(x.mentions.filter((m) => m.activity === activity && m.stated).map((m) => m.stated!))
    const want = `${fmtDate(start)}..${fmtDate(end)}`
    const got = period ? `${period.start}..${period.end}` : 'none'
    check('stated', got === want, `stated ${activity} ${got}, expected ${want}`)
  }
  return out
}

describe('real documents', () => {
  it('every file is labelled, every label has its file, and each keeps its SOURCE line', () => {
    expect(files.filter((f) => !labels[f])).toEqual([])
    expect(Object.keys(labels).filter((f) => !files.includes(f))).toEqual([])
    for (const f of files.filter((f) => /\.(txt|html?)$/.test(f))) expect(readFileSync(join(dir, f), 'utf8'), f).toMatch(/SOURCE:/)
  })

  it('covers the country and the genre: provinces, counties, stated dates, portal copies, reports, traditional text, formats', async () => {
    const all = await results
    const placed = Object.values(labels).flatMap((l) => (l.region ? [l.region] : []))
    const provinces = new Set(placed.filter((c) => c !== '000000').map((c) => `${c.slice(0, 2)}0000`))
    const counties = placed.filter((c) => regions.get(c)?.level === 'county')
    const stated = Object.values(labels).filter((l) => Object.keys(l.stated ?? {}).length)
    const docs = [...all.values()].flatMap((x) => (x.document ? [x.document] : []))
    const raw = files.filter((f) => f.endsWith('.txt')).map((f) => readFileSync(join(dir, f), 'utf8'))
    const traditional = raw.filter((t) => [...t].filter((c, i) => toSimplified(c) !== c && i < 2000).length > 20)
    // A portal copy prints at least two of its fields (索引号, 发布机构, 来源, 发布时间…) as "label: value".
    const pages = await Promise.all(files.filter((f) => /\.(txt|html?)$/.test(f)).map(async (f) => readDocument(f, readFileSync(join(dir, f)))))
    const portal = pages.filter((r) => r.ok && new Set([...r.text.matchAll(PORTAL_FIELD)].map((m) => m[1]!.replace(/\s/g, ''))).size >= 2)
    const figures = {
      provinces: provinces.size,
      counties: counties.length,
      stated: stated.length,
      portal: portal.length,
      news: docs.filter((d) => d.kind === 'news').length,
      traditional: traditional.length,
      html: docs.filter((d) => d.format === 'html').length,
      docx: docs.filter((d) => d.format === 'docx').length,
      pdf: docs.filter((d) => d.format === 'pdf').length,
    }
    console.log('corpus', JSON.stringify(figures))
    expect(files.length).toBeGreaterThanOrEqual(40)
    expect(figures.provinces).toBeGreaterThanOrEqual(20)
    expect(figures.counties).toBeGreaterThanOrEqual(15)
    expect(figures.stated).toBeGreaterThanOrEqual(10)
    expect(figures.portal).toBeGreaterThanOrEqual(8)
    expect(figures.news).toBeGreaterThanOrEqual(5)
    expect(figures.traditional).toBeGreaterThanOrEqual(3)
    expect(figures.html).toBeGreaterThanOrEqual(3)
    expect(figures.docx).toBeGreaterThanOrEqual(2)
    expect(figures.pdf).toBeGreaterThanOrEqual(2)
  })

  it('holds ≥ 95% of the labels, and every region the text names', async () => {
    const all = await results
    const rows = files.flatMap((f) => score(f, labels[f]!, all.get(f)!))
    const fields: Field[] = ['region', 'number', 'year', 'activities', 'stated']
    const line = (name: string, list: typeof rows) => `${name.padEnd(11)} ${list.filter((r) => r.ok).length}/${list.length} (${((100 * list.filter((r) => r.ok).length) / list.length).toFixed(1)}%)`
    console.log(['real corpus, labels held:', ...fields.map((f) => line(f, rows.filter((r) => r.field === f))), line('overall', rows), 'misses:', ...rows.filter((r) => !r.ok).map((r) => `  ${r.what}`)].join('\n'))
    expect(rows.filter((r) => r.field === 'region' && !r.ok).map((r) => r.what)).toEqual([])
    expect(rows.filter((r) => r.ok).length / rows.length).toBeGreaterThanOrEqual(0.95)
  })
})
