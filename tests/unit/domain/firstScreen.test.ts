import { parseDocument } from 'htmlparser2'
import { describe, expect, it } from 'vitest'
import { regionPage } from '../../../scripts/prerender'
import { FIRST_SCREEN_ID, firstScreenScript, sameFirstScreen, type ClientState, type FirstScreen } from '@/domain/firstScreen'
import type { RegionOwn } from '@/domain/types'

const calendar: RegionOwn = {
  region: { code: '130200', name: '唐山市', level: 'city', parent: '130000' },
  path: [],
  instances: [],
}
const first: FirstScreen = { code: '130200', today: '2026-11-24', version: 'abcdef012345', chain: [calendar] }
const here: ClientState = {
  path: '/r/130200',
  query: new URLSearchParams(),
  today: '2026-11-24',
  version: 'abcdef012345',
  elder: false,
  view: 'agenda',
  chosen: '130200',
  online: true,
}

describe('the first screen a pre-rendered page carries', () => {
  it('is hydrated only when the phone would render the same page', () => {
    expect(sameFirstScreen(first, here)).toBe(true)
    // Parameters that do not change the calendar (a pinned day, a campaign tag) do not matter.
    expect(sameFirstScreen(first, { ...here, query: new URLSearchParams('today=2026-11-24&utm_source=wx') })).toBe(true)
    for (const other of [
      { path: '/r/130203' },
      { query: new URLSearchParams('view=month') },
      { query: new URLSearchParams('y=2025') },
      { today: '2026-11-25' },
      { version: '000000000000' },
      { elder: true },
      { view: 'month' as const },
      { online: false },
    ])
      expect(sameFirstScreen(first, { ...here, ...other }), JSON.stringify(other)).toBe(false)
    // The national page greets first-time visitors; someone who chose a region before is not one.
    const national = { ...first, code: '000000' }
    expect(sameFirstScreen(national, { ...here, path: '/r/000000', chosen: null })).toBe(true)
    expect(sameFirstScreen(national, { ...here, path: '/r/000000', chosen: '130200' })).toBe(false)
    // The site root is served the national page: hydrated for a first visit only.
    expect(sameFirstScreen(national, { ...here, path: '/', chosen: null })).toBe(true)
    expect(sameFirstScreen(national, { ...here, path: '/', chosen: '130200' })).toBe(false)
    expect(sameFirstScreen(first, { ...here, path: '/', chosen: null })).toBe(false)
  })

  it('cannot be broken out of, whatever an organiser wrote', () => {
    const hostile = '</script><script>alert(1)</script><!-- & \u2028'
    const withTitle: FirstScreen = { ...first, chain: [{ ...calendar, region: { ...calendar.region, name: hostile } }] }
    const script = firstScreenScript(withTitle)
    expect(script.match(/<\/script>/g)).toHaveLength(1)
    expect(script).not.toContain('<!--')
    const doc = parseDocument(`<body>${script}</body>`)
    const text = (doc.children[0] as unknown as { children: { children: { data: string }[] }[] }).children[0]!.children[0]!.data
    expect((JSON.parse(text) as FirstScreen).chain[0]!.region.name).toBe(hostile)
    expect(script).toContain(`id="${FIRST_SCREEN_ID}"`)
  })
})

describe('a region page made from the shell', () => {
  const shell = `<!doctype html><html><head><title>科普日历</title><meta name="description" content="x" /></head><body><div id="app"></div><noscript>需要 JavaScript</noscript></body></html>`

  it('has its title, description, canonical address, HTML and data', () => {
    const page = regionPage(shell, { appHtml: '<h1>唐山市 $1 $&</h1>', dataScript: '<script type="application/json" id="kepu-first">{}</script>', region: calendar.region, siteUrl: 'https://kepu.example.cn' })
    expect(page).toContain('<title>唐山市科普活动 · 科普日历</title>')
    expect(page).toContain('<meta name="description" content="唐山市的科普活动日历')
    expect(page).toContain('<link rel="canonical" href="https://kepu.example.cn/r/130200" />')
    // Taken as it is: `$1` and `$&` in the rendered HTML are not replacement patterns.
    expect(page).toContain('<div id="app"><h1>唐山市 $1 $&</h1></div>')
    expect(page).toContain('id="kepu-first"')
    expect(page).toContain('/feeds/130200.ics')
  })

  it('escapes the region name in the head', () => {
    const odd = { ...calendar.region, name: '<b>"x"</b>' }
    const page = regionPage(shell, { appHtml: '', dataScript: '', region: odd, siteUrl: 'https://kepu.example.cn' })
    expect(page).toContain('<title>&lt;b&gt;&quot;x&quot;&lt;/b&gt;科普活动 · 科普日历</title>')
  })

  it('names the marker a changed shell lacks', () => {
    expect(() => regionPage(shell.replace('<div id="app"></div>', '<div id="root"></div>'), { appHtml: '', dataScript: '', region: calendar.region, siteUrl: '' })).toThrow(/index\.html has no <div id="app">/)
  })
})
