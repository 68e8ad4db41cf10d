import { cpSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { Parser } from 'htmlparser2'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { usePhone } from './setup/browser'
import { BASE, buildSite, deploy, root, work } from './setup/site'

// A new build after the 2024 科技活动周 notice moved the week: the site says what changed.
const phone = usePhone()
let dist = ''

beforeAll(() => {
  const docs = join(work, 'docs-moved')
  rmSync(docs, { recursive: true, force: true })
  mkdirSync(docs, { recursive: true })
  cpSync(join(root, 'tests/fixtures/seeds'), docs, { recursive: true })
  const notice = join(docs, '005_national_keji_zhou_2024.txt')
  writeFileSync(notice, readFileSync(notice, 'utf8').replace('2024年5月25日-6月1日', '2024年5月18日-25日'))
  dist = buildSite('moved', docs, [], 'a')
  deploy(dist)
}, 300_000)
afterAll(() => deploy(join(work, 'dist-a')))

/** The elements of an XML document, in order, with their text; throws on malformed XML. */
function xmlElements(xml: string): { name: string; text: string; attrs: Record<string, string> }[] {
  const out: { name: string; text: string; attrs: Record<string, string> }[] = []
  const stack: { name: string; text: string; attrs: Record<string, string> }[] = []
  const p = new Parser(
    {
      onopentag: (name, attrs) => stack.push({ name, text: '', attrs }),
      ontext: (t) => stack.forEach((e) => (e.text += t)),
      onclosetag: (name) => {
        const e = stack.pop()!
        if (e.name !== name) throw new Error(`mismatched </${name}>`)
        out.push(e)
      },
      onerror: (e) => {
        throw e
      },
    },
    { xmlMode: true, recognizeSelfClosing: true },
  )
  p.write(xml)
  p.end()
  if (stack.length) throw new Error(`unclosed <${stack.at(-1)!.name}>`)
  return out
}

describe('what changed', () => {
  it('the 最近更新 page shows the moved dates, old and new, linked to the event', async () => {
    const { page } = phone
    await page.goto(`${BASE}/r/130200`)
    await page.getByRole('link', { name: '最近更新' }).click()
    await page.getByRole('heading', { level: 1, name: '最近更新' }).waitFor()
    const moved = page.getByRole('link', { name: /全国科技活动周的日期由 2024年5月25日—6月1日 改为 2024年5月18日—25日/ })
    await moved.waitFor()
    await moved.click()
    await page.getByRole('heading', { level: 1, name: '全国科技活动周' }).waitFor()
    await page.getByText('2024年5月18日—25日').waitFor()
  })

  it('the Atom feeds, national and per province, carry it and are valid Atom', async () => {
    for (const name of ['changes.atom', '130000-changes.atom']) {
      const res = await fetch(`${BASE}/feeds/${name}`)
      expect(res.headers.get('content-type')).toBe('application/atom+xml; charset=utf-8')
      const xml = await res.text()
      const els = xmlElements(xml)
      const feed = els.find((e) => e.name === 'feed')!
      expect(feed.attrs.xmlns).toBe('http://www.w3.org/2005/Atom')
      // RFC 4287: a feed has one id, title and updated, an author, and entries with id, title,
      // updated and a link; ids are unique; dates are RFC 3339.
      const top = (n: string) => els.filter((e) => e.name === n)
      expect(top('entry').length).toBeGreaterThan(0)
      expect(top('author').length).toBe(1)
      for (const n of ['id', 'title', 'updated']) expect(top(n).length).toBe(1 + top('entry').length)
      expect(new Set(top('id').map((e) => e.text)).size).toBe(top('id').length)
      for (const u of top('updated')) expect(u.text).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z$/)
      expect(top('summary').map((e) => e.text).join('\n')).toContain('全国科技活动周的日期由 2024年5月25日—6月1日 改为 2024年5月18日—25日')
    }
  })
})
