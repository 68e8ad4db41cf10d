// The embeddable widget (/embed/<code>?audience=youth&limit=5): a region's next events for a
// county, school or 科协 website, in an iframe. No Vue, no cookies, no storage: a plain script that
// fetches the region's calendar files and writes text nodes, so it stays a few KB and nothing a
// document or an organiser wrote can run as HTML.
import { nextEvents } from '@/domain/agenda'
import { formatPeriodZh } from '@/domain/dates'
import { readableVersion } from '@/domain/format'
import { AUDIENCE_LABEL } from '@/domain/labels'
import { loadComposed } from '@/domain/calendar'
import { NATIONAL_CODE, type Audience, type ListedInstance, type RegionCalendar, type RegionOwn } from '@/domain/types'
import { eventSlug, ownerOf } from '@/domain/uid'
import { today } from '@/composables/today'
import './embed.css'

const root = document.getElementById('embed')!
const params = new URLSearchParams(location.search)
const code = /^\/embed\/(\d{6})\/?$/.exec(location.pathname)?.[1] ?? ''
const audience = (Object.keys(AUDIENCE_LABEL) as Audience[]).find((a) => a === params.get('audience')) ?? null
const limit = Math.min(20, Math.max(1, Number.parseInt(params.get('limit') ?? '', 10) || 5))

/** An element with text (never HTML) and an optional class. */
function el<K extends keyof HTMLElementTagNameMap>(tag: K, text = '', cls = ''): HTMLElementTagNameMap[K] {
  const e = document.createElement(tag)
  if (text) e.textContent = text
  if (cls) e.className = cls
  return e
}

/** A link that opens in a new tab: the host page stays where it is. */
function link(href: string, text: string, cls = ''): HTMLAnchorElement {
  const a = el('a', text, cls)
  a.href = href
  a.target = '_blank'
  a.rel = 'noopener'
  return a
}

// The host sizes the iframe to its content when it runs the optional loader (embed.js).
function reportHeight() {
  parent.postMessage({ type: 'kepu-calendar:height', height: Math.ceil(document.documentElement.getBoundingClientRect().height) }, '*')
}

function note(text: string, href?: string, hrefText?: string) {
  const p = el('p', text, 'note')
  if (href) p.append(link(href, hrefText ?? href))
  root.replaceChildren(p)
}

function render(cal: RegionCalendar) {
  const day = today()
  const list = nextEvents(cal.instances, day, { audience, limit })
  const level = (i: ListedInstance) => (ownerOf(i.uid) === NATIONAL_CODE ? '全国' : (cal.path.find((r) => r.code === ownerOf(i.uid))?.name ?? cal.region.name))
  const head = el('header')
  head.append(link(`${location.origin}/r/${code}`, `${cal.region.name}近期科普活动`, 'title'), el('span', audience ? ` · 面向${AUDIENCE_LABEL[audience]}` : '', 'aud'))
  const ul = el('ul')
  for (const i of list) {
    const li = el('li')
    const when = el('span', formatPeriodZh(i.start!, i.end!, i.start!.slice(0, 4) !== day.slice(0, 4)), 'when')
    if (i.status === 'tentative') when.append(el('span', '预计', 'tag'))
    li.append(when, link(`${location.origin}/e/${eventSlug(i.uid)}?r=${code}`, i.title, 'what'), el('span', level(i), 'who'))
    ul.append(li)
  }
  const foot = el('footer')
  foot.append(link(`${location.origin}/r/${code}`, '查看全部'), link(`${location.origin}/r/${code}/subscribe${audience === 'youth' ? '?feed=youth' : ''}`, '订阅到手机日历'), el('span', '科普日历', 'brand'))
  root.replaceChildren(head, list.length ? ul : el('p', '近期没有已公布日期的活动。', 'note'), foot)
}

async function main() {
  if (!code) return note('嵌入地址有误：应为 /embed/六位地区代码，例如 /embed/130200。')
  // The current dataset (the organiser service publishes new ones without rebuilding this page).
  const base = import.meta.env.BASE_URL
  const pointer = await fetch(`${base}data/latest.json`, { cache: 'no-store' })
    .then((r) => (r.ok ? (r.json() as Promise<{ version?: unknown; format?: unknown }>) : null))
    .catch(() => null)
  const version = readableVersion(pointer) ?? __DATA_VERSION__
  // The region's own file names its path; the calendar is the path's files (national first).
  const fetchOwn = async (c: string): Promise<RegionOwn> => {
    const res = await fetch(`${base}data/${version}/r/${c}.json`).catch(() => null)
    if (!res) throw new WidgetError('网络不通，暂时无法载入近期科普活动。')
    if (res.status === 404 && c === code) throw new WidgetError(`没有这个地区（${code}）。`, `${location.origin}/regions`, '查看地区列表')
    if (!res.ok) throw new WidgetError('暂时无法载入近期科普活动。')
    return (await res.json()) as RegionOwn
  }
  try {
    render(await loadComposed(code, fetchOwn))
  } catch (e) {
    if (!(e instanceof WidgetError)) throw e
    note(e.message, e.href ?? `${location.origin}/r/${code}`, e.linkText ?? '打开科普日历')
  }
}

/** What the widget says instead of the events, with a link onward. */
class WidgetError extends Error {
  constructor(
    message: string,
    readonly href?: string,
    readonly linkText?: string,
  ) {
    super(message)
  }
}

new ResizeObserver(reportHeight).observe(document.documentElement)
void main().catch(() => note('暂时无法载入近期科普活动。'))
