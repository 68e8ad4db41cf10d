import { flushPromises } from '@vue/test-utils'
import { createPinia, setActivePinia } from 'pinia'
import { beforeEach, describe, expect, it, vi } from 'vitest'
import CalendarView from '@/views/CalendarView.vue'
import EventView from '@/views/EventView.vue'
import { elsewhere, fakeFetch, index, mountAt, regionFiles, tangshan } from './fixtures'

const ROUTES = [
  { path: '/r/:code', name: 'calendar', component: CalendarView },
  { path: '/e/:slug', name: 'event', component: EventView },
  { path: '/:p(.*)*', name: 'other', component: elsewhere },
  { path: '/regions', name: 'regions', component: elsewhere },
  { path: '/r/:code/subscribe', name: 'subscribe', component: elsewhere },
]

beforeEach(() => {
  localStorage.clear()
  setActivePinia(createPinia())
  vi.stubGlobal('fetch', fakeFetch({ ...regionFiles(tangshan), ...regionFiles({ ...tangshan, region: tangshan.path[0]!, path: tangshan.path.slice(0, 1), instances: [] }), 'index.json': index, 'a/kepu-ri.json': [{ uid: 'x', region: '630000', regionName: '青海省', year: 2026, title: '全国科普月', start: null, end: null }] }))
})

async function open(path: string, component: object) {
  const { wrapper } = await mountAt(component, path, ROUTES)
  await flushPromises()
  return wrapper
}

describe('CalendarView', () => {
  it('shows the region, its parents and its agenda', async () => {
    const w = await open('/r/130200?y=2026&view=agenda', CalendarView)
    expect(w.find('h1').text()).toContain('唐山市')
    expect(w.find('.crumbs').text()).toBe('河北省')
    expect(w.findAll('article.event h3').map((h) => h.text())).toContain('全国科普月')
  })

  it('an unknown region (the data is current) says so, with the way to the region picker', async () => {
    vi.stubGlobal('fetch', fakeFetch({ 'data/latest.json': { version: 'test' } }))
    const w = await open('/r/999999', CalendarView)
    await vi.waitFor(() => expect(w.find('[role="alert"]').text()).toContain('没有这个地区'))
    expect(w.find('[role="alert"] a').attributes('href')).toBe('/regions')
  })

  it('a failed load says what happened', async () => {
    vi.stubGlobal('fetch', fakeFetch({}))
    const w = await open('/r/130200', CalendarView)
    expect(w.find('[role="alert"]').text()).toContain('数据已更新')
  })
})

describe('EventView', () => {
  it('shows why the event exists: document, 文号, clause, quote, and the official source', async () => {
    const w = await open('/e/kepu-ri.000000.2026?r=130200', EventView)
    expect(w.find('h1').text()).toBe('全国科普月')
    const why = w.find('section.why').text()
    expect(why).toContain('唐全科字〔2026〕1号')
    expect(why).toContain('第16条')
    expect(why).toContain('组织开展全国科普月活动。')
    expect(why).toContain('《中华人民共和国科学技术普及法》')
    expect(w.find('section.others').text()).toContain('青海省')
  })

  it('without its sources file (offline, never fetched) the event still shows and says where its sources went', async () => {
    const withoutSources = Object.fromEntries(Object.entries(regionFiles(tangshan)).filter(([name]) => name.startsWith('r/')))
    vi.stubGlobal('fetch', fakeFetch({ ...withoutSources, 'index.json': index }))
    const w = await open('/e/kepu-ri.000000.2026?r=130200', EventView)
    expect(w.find('h1').text()).toBe('全国科普月')
    expect(w.find('section.why').text()).toContain('离线时看不到这项活动的文件依据')
  })

  it('renders organiser text as text and never a javascript: link', async () => {
    const w = await open('/e/local.130200.dapengche?r=130200', EventView)
    expect(w.find('h1').text()).toBe('<img src=x onerror=alert(1)>大篷车')
    expect(w.find('img').exists()).toBe(false)
    expect(w.findAll('a').some((a) => (a.attributes('href') ?? '').startsWith('javascript'))).toBe(false)
    expect(w.text()).toContain('javascript:alert(1)')
    expect(w.find('.badge.cancelled').exists()).toBe(true)
  })

  it('an unknown event says so', async () => {
    const w = await open('/e/nothing.000000.2026?r=130200', EventView)
    expect(w.find('[role="alert"]').text()).toContain('找不到这项活动')
  })
})
