import { createPinia, setActivePinia, type Pinia } from 'pinia'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { nextTick } from 'vue'
import { useDataStore } from '@/stores/data'
import { usePrefsStore } from '@/stores/prefs'
import { storedRegion, useRegionStore } from '@/stores/region'
import { dataDate, dataVersion } from '@/composables/dataUrl'
import { DATA_FORMAT } from '@/domain/format'
import { fakeFetch, index, regionFiles, tangshan } from './fixtures'

let pinia: Pinia

beforeEach(() => {
  localStorage.clear()
  document.documentElement.className = ''
  pinia = createPinia()
  setActivePinia(pinia)
  dataVersion.value = 'test'
})

// A test's stores stop with it: none of them may react to the next test's dataset version.
afterEach(() => {
  for (const store of (pinia as unknown as { _s: Map<string, { $dispose(): void }> })._s.values()) store.$dispose()
})

describe('region store', () => {
  it('remembers the chosen region across visits', async () => {
    expect(storedRegion()).toBeNull()
    useRegionStore().choose('130200')
    expect(useRegionStore().chosen).toBe('130200')
    // Written a moment later, out of the task that shows the calendar.
    await new Promise((ok) => setTimeout(ok))
    expect(storedRegion()).toBe('130200')
    setActivePinia(createPinia())
    expect(useRegionStore().chosen).toBe('130200')
  })
})

describe('prefs store', () => {
  it('长辈模式 sets the page class and is remembered; filters are not', async () => {
    const prefs = usePrefsStore()
    prefs.elder = true
    prefs.ownOnly = true
    await nextTick()
    expect(document.documentElement.classList.contains('elder')).toBe(true)
    setActivePinia(createPinia())
    const again = usePrefsStore()
    expect(again.elder).toBe(true)
    expect(again.ownOnly).toBe(false)
  })

  it('clears every filter at once', () => {
    const prefs = usePrefsStore()
    prefs.kinds = ['day']
    prefs.audience = 'youth'
    prefs.query = '科普'
    prefs.clearFilters()
    expect([prefs.kinds, prefs.audience, prefs.query]).toEqual([[], '', ''])
  })
})

describe('data store', () => {
  it('fetches each file once, from this build’s dataset version', async () => {
    const fetch = vi.fn(fakeFetch({ ...regionFiles(tangshan), 'index.json': index }))
    vi.stubGlobal('fetch', fetch)
    const data = useDataStore()
    await Promise.all([data.loadCalendar('130200'), data.loadCalendar('130200'), data.loadIndex()])
    // The region's own file and those of its path (national first, fetched alongside), once each.
    expect(fetch.mock.calls.map((c) => c[0]).sort()).toEqual(['/data/test/index.json', '/data/test/r/000000.json', '/data/test/r/130000.json', '/data/test/r/130200.json'])
    // A second region of the same province fetches only its own file.
    await data.loadCalendar('130000')
    expect(fetch).toHaveBeenCalledTimes(4)
    expect(data.activities.get('kepu-ri')?.name).toBe('全国科普日')
  })

  it('follows a newer dataset the site published (the organiser service), and the views load it again', async () => {
    const newer = 'a1b2c3d4e5f6'
    const published = { ...tangshan, instances: tangshan.instances.filter((i) => i.region === '130200').slice(0, 1) }
    const files = {
      'data/latest.json': { version: newer, format: DATA_FORMAT, dataDate: '2026-11-24' },
      ...Object.fromEntries(Object.entries(regionFiles(published)).map(([name, body]) => [`${newer}/${name}`, body])),
    }
    const fetch = vi.fn(fakeFetch(files))
    vi.stubGlobal('fetch', fetch)
    // The build's own version is gone (two publishes ago): the pointer is followed once.
    const cal = await useDataStore().loadCalendar('130200')
    expect(cal.instances).toHaveLength(1)
    const calls = fetch.mock.calls.map((c) => String(c[0])).filter((u) => !u.endsWith('index.json'))
    expect(calls).toContain('/data/test/r/130200.json')
    expect(calls).toContain('/data/latest.json')
    expect(calls).toContain(`/data/${newer}/r/130200.json`)
    expect(calls.indexOf('/data/latest.json')).toBeLessThan(calls.indexOf(`/data/${newer}/r/130200.json`))
    expect(dataVersion.value).toBe(newer)
    expect(dataDate.value).toBe('2026-11-24')
  })

  it('does not follow a dataset of another format: that comes with new code, by the update prompt', async () => {
    const fetch = vi.fn(fakeFetch({ 'data/latest.json': { version: 'a1b2c3d4e5f6', format: DATA_FORMAT + 1, dataDate: '2027-01-01' }, 'a1b2c3d4e5f6/r/130200.json': regionFiles(tangshan)['r/130200.json'] }))
    vi.stubGlobal('fetch', fetch)
    await expect(useDataStore().loadCalendar('130200')).rejects.toThrow('数据已更新，请刷新页面')
    expect(dataVersion.value).toBe('test')
  })

  it('a dataset gone from the server asks for a reload', async () => {
    vi.stubGlobal('fetch', fakeFetch({}))
    await expect(useDataStore().loadCalendar('130200')).rejects.toThrow('数据已更新，请刷新页面')
  })
})
