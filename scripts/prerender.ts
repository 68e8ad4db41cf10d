// Pre-rendered region pages: after the app is built, every region's page (/r/<code>) is rendered
// to HTML by the app's own components (src/entry-server.ts) and written to OUT/r/<code>.html with
// the calendar it shows inlined. A phone sees the region's upcoming events as soon as the HTML
// arrives (with or without JavaScript); the app then hydrates it without fetching the calendar
// again. Also writes OUT/sitemap.xml and points OUT/robots.txt at it.
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { join, resolve } from 'node:path'
import { pathToFileURL } from 'node:url'
import { build } from 'vite'
import { chinaToday } from '../src/domain/dates.ts'
import type { FirstScreen } from '../src/domain/firstScreen.ts'
import type { Region, RegionOwn } from '../src/domain/types.ts'
import { escapeMarkup } from './markup.ts'

const ROOT = resolve(import.meta.dirname, '..')

interface Renderer {
  renderRegionPage(chain: RegionOwn[], day: string): Promise<string>
  firstScreenScript(first: FirstScreen): string
}

/**
 * The day pages are rendered for: today in China, or KEPU_TODAY (tests and the bench pin it, as
 * they pin the app's clock). A page rendered for another day than the visitor's still shows at
 * once; the app then renders its own over it (src/domain/firstScreen.ts), so the site should be
 * rebuilt daily (README › Deploying).
 */
export function renderDay(): string {
  const pinned = process.env.KEPU_TODAY
  if (pinned === undefined) return chinaToday(Date.now())
  if (!/^\d{4}-\d{2}-\d{2}$/.test(pinned)) throw new Error(`KEPU_TODAY=${pinned}: expected a day as YYYY-MM-DD`)
  return pinned
}

/** Builds the server-side renderer from the same sources as the app, into a scratch folder. */
async function buildRenderer(scratch: string): Promise<Renderer> {
  await build({
    configFile: join(ROOT, 'vite.config.ts'),
    logLevel: 'warn',
    build: { ssr: join(ROOT, 'src/entry-server.ts'), outDir: scratch, emptyOutDir: true, copyPublicDir: false, minify: false },
  })
  const file = readdirSync(scratch).find((f) => /^entry-server\.m?js$/.test(f))
  if (!file) throw new Error(`prerender: the server build wrote no entry-server.js to ${scratch}`)
  return (await import(pathToFileURL(join(scratch, file)).href)) as Renderer
}

/** The shell (index.html) made into one region's page. Throws when the shell lacks a marker. */
export function regionPage(shell: string, o: { appHtml: string; dataScript: string; region: Region; siteUrl: string }): string {
  const { region } = o
  const name = escapeMarkup(region.name)
  const url = escapeMarkup(`${o.siteUrl}/r/${region.code}`)
  const steps: [RegExp, string][] = [
    [/<title>[^<]*<\/title>/, `<title>${name}科普活动 · 科普日历</title>`],
    [/<meta name="description" content="[^"]*"/, `<meta name="description" content="${name}的科普活动日历：科普日（科普月）、科技活动周、防灾减灾日等活动的日期和文件依据，可订阅到手机日历。"`],
    [/<\/head>/, `  <link rel="canonical" href="${url}" />\n  </head>`],
    [/<div id="app"><\/div>/, `<div id="app">${o.appHtml}</div>\n    ${o.dataScript}`],
    [/<noscript>[^<]*<\/noscript>/, `<noscript><p class="noscript">未启用 JavaScript：这里显示${name}即将开始的活动。切换地区、月历、筛选需要启用 JavaScript。订阅地址：/feeds/${region.code}.ics</p></noscript>`],
  ]
  let page = shell
  for (const [marker, replacement] of steps) {
    if (!marker.test(page)) throw new Error(`prerender: index.html has no ${marker.source}; the pre-rendered pages are made from it`)
    // A function, so that a `$` in the rendered HTML is taken as it is.
    page = page.replace(marker, () => replacement)
  }
  return page
}

function sitemap(codes: string[], siteUrl: string, dataDate: string): string {
  const urls = codes.map((c) => `  <url><loc>${escapeMarkup(`${siteUrl}/r/${c}`)}</loc><lastmod>${dataDate}</lastmod></url>`)
  return `<?xml version="1.0" encoding="UTF-8"?>\n<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">\n${urls.join('\n')}\n</urlset>\n`
}

export interface PrerenderResult {
  pages: number
  bytes: number
  ms: number
}

/** Renders every region's page of the built site in OUT (which holds index.html and data/). */
export async function prerender(out: string): Promise<PrerenderResult> {
  const started = performance.now()
  const pointer = JSON.parse(readFileSync(join(out, 'data/latest.json'), 'utf8')) as { version: string; dataDate: string }
  const dataDir = join(out, 'data', pointer.version)
  const { siteUrl } = JSON.parse(readFileSync(join(dataDir, 'index.json'), 'utf8')) as { siteUrl: string }
  const shell = readFileSync(join(out, 'index.html'), 'utf8')
  const day = renderDay()
  const scratch = join(ROOT, 'node_modules/.kepu-prerender', String(process.pid))
  try {
    const renderer = await buildRenderer(scratch)
    const pagesDir = join(out, 'r')
    rmSync(pagesDir, { recursive: true, force: true })
    mkdirSync(pagesDir, { recursive: true })
    const codes: string[] = []
    let bytes = 0
    // Each region's own file, read once: a page carries the files of its path (national first).
    const owns = new Map<string, RegionOwn>()
    const own = (code: string) => {
      let found = owns.get(code)
      if (!found) owns.set(code, (found = JSON.parse(readFileSync(join(dataDir, 'r', `${code}.json`), 'utf8')) as RegionOwn))
      return found
    }
    for (const file of readdirSync(join(dataDir, 'r')).sort()) {
      if (!/^\d{6}\.json$/.test(file)) continue
      const { region, path } = own(file.slice(0, 6))
      const chain = path.map((r) => own(r.code))
      const appHtml = await renderer.renderRegionPage(chain, day)
      const dataScript = renderer.firstScreenScript({ code: region.code, today: day, version: pointer.version, chain })
      const page = regionPage(shell, { appHtml, dataScript, region, siteUrl })
      writeFileSync(join(pagesDir, `${region.code}.html`), page)
      codes.push(region.code)
      bytes += Buffer.byteLength(page)
    }
    writeFileSync(join(out, 'sitemap.xml'), sitemap(codes, siteUrl, pointer.dataDate))
    const robots = join(out, 'robots.txt')
    if (existsSync(robots)) {
      const kept = readFileSync(robots, 'utf8').split('\n').filter((l) => l.trim() && !/^sitemap:/i.test(l))
      writeFileSync(robots, `${kept.join('\n')}\nSitemap: ${siteUrl}/sitemap.xml\n`)
    }
    return { pages: codes.length, bytes, ms: performance.now() - started }
  } finally {
    rmSync(scratch, { recursive: true, force: true })
  }
}
