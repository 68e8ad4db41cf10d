import { flushPromises } from '@vue/test-utils'
import { createPinia, setActivePinia } from 'pinia'
import { beforeEach, describe, expect, it, vi } from 'vitest'
import type { Instance } from '@/domain/types'
import { useDataStore } from '@/stores/data'
import { usePrefsStore } from '@/stores/prefs'
import { useRegionStore } from '@/stores/region'
import CalendarView from '@/views/CalendarView.vue'
import { elsewhere, instances, mountAt, regionFiles, tangshan } from './fixtures'

// Responses the test releases by hand, in the order it chooses.
function gatedFetch() {
  const gates = new Map<string, (body: unknown) => void>()
  const fetch = (url: string) =>
    new Promise<Response>((ok) => {
      const key = String(url).replace(/^.*\/data\/[^/]+\//, '')
      gates.set(key, (body) => ok(new Response(JSON.stringify(body), { status: 200 })))
    })
  async function release(key: string, body: unknown) {
    await vi.waitFor(() => expect(gates.has(key)).toBe(true))
    gates.get(key)!(body)
    gates.delete(key)
    await flushPromises()
  }
  return { fetch, release }
}

// The published files of 唐山's path: a calendar is made of its path's files (national first).
const files = regionFiles(tangshan)
const subEntry: Instance = { ...instances[3]!, uid: 'local.130283.sub@kepu-calendar', region: '130283', title: '迁安市大篷车', status: 'confirmed' }

const mountCalendar = (path: string) =>
  mountAt(CalendarView, path, [
    { path: '/r/:code', name: 'calendar', component: CalendarView },
    { path: '/regions', name: 'regions', component: elsewhere },
    { path: '/r/:code/subscribe', name: 'subscribe', component: elsewhere },
    { path: '/e/:slug', name: 'event', component: elsewhere },
  ])

beforeEach(() => {
  // Before the fixtures' events, so they are all upcoming.
  vi.setSystemTime(new Date('2026-06-01T12:00:00+08:00'))
  localStorage.clear()
  setActivePinia(createPinia())
})

describe('CalendarView drops stale responses', () => {
  it('a late answer for a region the person has left neither shows nor becomes the chosen region', async () => {
    const net = gatedFetch()
    vi.stubGlobal('fetch', net.fetch)
    const { router, wrapper } = await mountCalendar('/r/130200?view=agenda&y=2026')
    await router.push('/r/130000?view=agenda&y=2026')
    await net.release('r/000000.json', files['r/000000.json'])
    await net.release('r/130000.json', files['r/130000.json'])
    expect(wrapper.find('h1').text()).toContain('河北省')
    // The answer for the region left behind arrives last.
    await net.release('r/130200.json', files['r/130200.json'])
    expect(wrapper.find('h1').text()).toContain('河北省')
    expect(useRegionStore().chosen).toBe('130000')
  })

  it('unticking 含下级地区 while the sub-region entries load keeps them off the screen', async () => {
    const net = gatedFetch()
    vi.stubGlobal('fetch', net.fetch)
    const { wrapper } = await mountCalendar('/r/130200?view=agenda&y=2026')
    for (const code of ['000000', '130200', '130000']) await net.release(`r/${code}.json`, files[`r/${code}.json`])
    const prefs = usePrefsStore()
    prefs.withSubRegions = true
    await flushPromises()
    prefs.withSubRegions = false
    await flushPromises()
    await net.release('sub/130200.json', [subEntry])
    await net.release('regions.json', [])
    // The region list comes with lazy code: wait until the whole load has settled.
    await useDataStore().loadRegions()
    await flushPromises()
    expect(wrapper.findAll('article.event h3').map((h) => h.text())).not.toContain('迁安市大篷车')
  })

  it('ticking it shows the sub-region entries once they arrive', async () => {
    const net = gatedFetch()
    vi.stubGlobal('fetch', net.fetch)
    const { wrapper } = await mountCalendar('/r/130200?view=agenda&y=2026')
    for (const code of ['000000', '130200', '130000']) await net.release(`r/${code}.json`, files[`r/${code}.json`])
    usePrefsStore().withSubRegions = true
    await net.release('sub/130200.json', [subEntry])
    await net.release('regions.json', [])
    // The region list comes with lazy code: wait until the whole load has settled.
    await useDataStore().loadRegions()
    await flushPromises()
    expect(wrapper.findAll('article.event h3').map((h) => h.text())).toContain('迁安市大篷车')
  })
})
