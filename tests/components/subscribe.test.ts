import { flushPromises } from '@vue/test-utils'
import { createPinia, setActivePinia } from 'pinia'
import { beforeEach, describe, expect, it, vi } from 'vitest'
import type { RegionOwn } from '@/domain/types'
import SubscribeView from '@/views/SubscribeView.vue'
import { elsewhere, fakeFetch, index, mountAt, regionFiles, tangshan } from './fixtures'

async function open(path: string) {
  const { wrapper } = await mountAt(SubscribeView, path, [
    { path: '/r/:code/subscribe', name: 'subscribe', component: SubscribeView },
    { path: '/r/:code/poster', name: 'poster', component: elsewhere },
    { path: '/r/:code', name: 'calendar', component: elsewhere },
    { path: '/:p(.*)*', name: 'other', component: elsewhere },
  ])
  await flushPromises()
  return wrapper
}

beforeEach(() => {
  localStorage.clear()
  setActivePinia(createPinia())
  const files = regionFiles(tangshan)
  // 唐山市 has 14 counties directly below it: its file says so, and it has a third feed.
  const city = files['r/130200.json'] as RegionOwn
  files['r/130200.json'] = { ...city, origin: { ...city.origin!, counties: 14 } }
  const county = { ...city, region: { code: '130283', name: '迁安市', level: 'county', parent: '130200' }, path: [...city.path, { code: '130283', name: '迁安市', level: 'county', parent: '130200' }], instances: [], origin: { own: 0, documents: 0, entries: 0, carried: 0 } }
  vi.stubGlobal('fetch', fakeFetch({ ...files, 'r/130283.json': county, 'index.json': index }))
})

describe('the subscribe page', () => {
  it('offers a city the feed with its counties, and says what each feed holds', async () => {
    const w = await open('/r/130200/subscribe?feed=counties')
    const options = w.findAll('.kinds label').map((l) => l.text())
    expect(options).toHaveLength(3)
    expect(options[0]).toContain('全国、上级地区和唐山市自己的活动')
    expect(options[2]).toContain('另含唐山市下辖 14 个区县自己的活动')
    // The youth feed is said plainly: how many dated events it has now.
    expect(options[1]).toMatch(/其中面向青少年和学校的活动（现有 \d+ 项有日期的活动/)
    expect(w.find('.url').text()).toMatch(/\/feeds\/130200-counties\.ics$/)
  })

  it('a county has no counties feed: asked for one, it offers its own calendar', async () => {
    const w = await open('/r/130283/subscribe?feed=counties')
    expect(w.findAll('.kinds label')).toHaveLength(2)
    expect(w.find('.url').text()).toMatch(/\/feeds\/130283\.ics$/)
  })
})
