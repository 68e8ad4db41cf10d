import { reportNetwork } from './network'

/** Where this build's dataset lives: immutable, versioned with the app (see vite.config.ts). */
export function dataUrl(path: string): string {
  return `${import.meta.env.BASE_URL}data/${__DATA_VERSION__}/${path}`
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

const fetched = new Set<string>()

/**
 * Once the service worker controls the page, ask again for what was loaded before it did: the
 * answers go through its cache, so a first visit is enough to work offline.
 */
export async function recacheFetched(): Promise<unknown> {
  const sw = navigator.serviceWorker
  if (!sw) return
  if (!sw.controller) await new Promise((ok) => sw.addEventListener('controllerchange', ok, { once: true }))
  return Promise.allSettled([...fetched].map((url) => fetch(url)))
}

export async function fetchData<T>(path: string): Promise<T> {
  let res: Response
  const url = dataUrl(path)
  try {
    res = await fetch(url)
  } catch {
    reportNetwork(false)
    throw new Error(navigator.onLine ? '网络错误，请稍后重试。' : '当前离线，且此内容尚未缓存。联网后打开一次即可离线使用。')
  }
  if (res.status === 404) throw new DataOutdatedError()
  if (!res.ok) throw new Error(`加载失败（HTTP ${res.status}），请稍后重试。`)
  fetched.add(url)
  return (await res.json()) as T
}
