// Pre-rendering (scripts/prerender.ts): a region page's first screen as HTML, rendered at build time
// by the app's own components, so that the page a phone receives shows its events before any script
// runs, and the app hydrates it instead of drawing it again.
import { createPinia } from 'pinia'
import { createSSRApp } from 'vue'
import { createMemoryHistory } from 'vue-router'
import { renderToString } from 'vue/server-renderer'
import App from '@/App.vue'
import { setRenderDay } from '@/composables/today'
import type { RegionOwn } from '@/domain/types'
import { createKepuRouter } from '@/router'
import { useDataStore } from '@/stores/data'

export { firstScreenScript } from '@/domain/firstScreen'

/**
 * The app's HTML for /r/<code> on `day`, as a first-time visitor with default settings sees it;
 * `chain` is the published files of the region's path, national first.
 */
export async function renderRegionPage(chain: RegionOwn[], day: string): Promise<string> {
  setRenderDay(day)
  const pinia = createPinia()
  useDataStore(pinia).seedChain(chain)
  const router = createKepuRouter(createMemoryHistory())
  const app = createSSRApp(App).use(pinia).use(router)
  await router.push(`/r/${chain[chain.length - 1]!.region.code}`)
  await router.isReady()
  return renderToString(app)
}
