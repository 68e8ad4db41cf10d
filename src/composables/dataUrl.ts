import { shallowRef } from 'vue'
import { CACHES, readableVersion } from '@/domain/format'
import { reportNetwork } from './network'

/**
 * The dataset the app reads. It starts as the one it was built with (no extra request before the
 * first screen) and follows data/latest.json when the site publishes a newer one: the organiser
 * service publishes data without rebuilding the app. Each version's folder is immutable.
 */
export const dataVersion = shallowRef(__DATA_VERSION__)
export const dataDate = shallowRef(__DATA_DATE__)

export function dataUrl(path: string): string {
  return `${import.meta.env.BASE_URL}data/${dataVersion.value}/${path}`
}

/** The pointer to the current dataset: small, never cached, so asking for it asks the network. */
export function dataPointerUrl(): string {
  return `${import.meta.env.BASE_URL}data/latest.json`
}

/** The dataset is gone from the server: a newer version was deployed. */
export class DataOutdatedError extends Error {
  constructor() {
    super('数据已更新，请刷新页面以使用新版本。')
  }
}

/** The data is current, and has no such region: a mistyped or invented code (/r/999999). */
export class UnknownRegionError extends Error {
  constructor(code: string) {
    super(`没有这个地区（代码 ${code}）。请重新选择地区。`)
  }
}

/** Reads the pointer (never from a cache). Throws when the network does not answer. */
async function readPointer(): Promise<{ version: string; dataDate: string; format?: number } | null> {
  const res = await fetch(dataPointerUrl(), { cache: 'no-store' })
  return res.ok ? ((await res.json()) as { version: string; dataDate: string; format?: number }) : null
}

/** Follows the pointer to a newer dataset, if there is one: true when the version changed. */
export async function followLatest(): Promise<boolean> {
  const latest = await readPointer()
  // Another format comes with new code: the update prompt brings both (ReloadPrompt.vue).
  const version = readableVersion(latest)
  if (!version || version === dataVersion.value) return false
  dataVersion.value = version
  if (latest!.dataDate) dataDate.value = latest!.dataDate
  return true
}

/** Whether the server still publishes the dataset the app reads. */
export async function isCurrentVersion(): Promise<boolean> {
  try {
    return (await readPointer())?.version === dataVersion.value
  } catch {
    return false
  }
}

const fetched = new Set<string>()
/** What a pre-rendered page brought with it, to store once the worker is there (arrivedWithPage). */
const arrived: { cache: string; url: string; type: string; body: () => string }[] = []

/**
 * The page arrived with its region's data files inlined (a pre-rendered region page: the files of
 * its path), before any service worker: neither the page nor the data went through one. Once one
 * is in control, both are stored in its caches from memory (recacheFetched), not fetched again, so
 * the region opens offline from then on. Called before the app touches the page, to keep it as it arrived.
 */
export function arrivedWithPage(files: [path: string, data: unknown][]) {
  const page = `<!doctype html>\n${document.documentElement.outerHTML}`
  arrived.push({ cache: CACHES.pages, url: location.pathname, type: 'text/html; charset=utf-8', body: () => page })
  for (const [path, data] of files) arrived.push({ cache: CACHES.data, url: dataUrl(path), type: 'application/json; charset=utf-8', body: () => JSON.stringify(data) })
}

/**
 * Once the service worker controls the page, ask again for what was loaded before it did: the
 * answers go through its cache, so a first visit is enough to work offline.
 */
export async function recacheFetched(): Promise<unknown> {
  const sw = navigator.serviceWorker
  if (!sw) return
  if (!sw.controller) await new Promise((ok) => sw.addEventListener('controllerchange', ok, { once: true }))
  const store = async (a: (typeof arrived)[number]) => (await caches.open(a.cache)).put(a.url, new Response(a.body(), { headers: { 'Content-Type': a.type } }))
  return Promise.allSettled([...[...fetched].map((url) => fetch(url)), ...arrived.map(store)])
}

export async function fetchData<T>(path: string, retried = false): Promise<T> {
  let res: Response
  const version = dataVersion.value
  const url = dataUrl(path)
  try {
    res = await fetch(url)
  } catch {
    reportNetwork(false)
    // One message for both: navigator.onLine says "online" on a dead Wi-Fi (and in a page the
    // worker served offline), so it cannot tell a network error from being offline.
    throw new Error('连不上网络，这项内容还没有存在本机。联网后打开一次，以后断网也能看。')
  }
  // Gone: a newer dataset replaced this one (two publishes ago). Follow the pointer once; a
  // request that ran alongside (a calendar is several files) may have followed it already.
  if (res.status === 404) {
    if (!retried) {
      await followLatest().catch(() => false)
      if (dataVersion.value !== version) return fetchData<T>(path, true)
    }
    throw new DataOutdatedError()
  }
  if (!res.ok) throw new Error(`加载失败（HTTP ${res.status}），请稍后重试。`)
  fetched.add(url)
  return (await res.json()) as T
}
