import { createPinia } from 'pinia'
import { createApp, createSSRApp } from 'vue'
import { createWebHistory } from 'vue-router'
import App from '@/App.vue'
import { arrivedWithPage, dataVersion } from '@/composables/dataUrl'
import { readFirstScreen } from '@/composables/firstScreen'
import { today } from '@/composables/today'
import { sameFirstScreen } from '@/domain/firstScreen'
import { createKepuRouter } from '@/router'
import { useDataStore } from '@/stores/data'
import { usePrefsStore } from '@/stores/prefs'
import { useRegionStore } from '@/stores/region'

// The app itself, started by src/main.ts.
const pinia = createPinia()
// A pre-rendered region page (dist/r/<code>.html) arrives with its calendar: the app starts from
// it, never fetching it again, and takes over the HTML in place when it would render the same.
const first = readFirstScreen()
if (first?.version === dataVersion.value) {
  arrivedWithPage(first.chain.map((own) => [`r/${own.region.code}.json`, own]))
  useDataStore(pinia).seedChain(first.chain)
}
const prefs = usePrefsStore(pinia)
const hydrate =
  !!first &&
  sameFirstScreen(first, {
    path: location.pathname,
    query: new URLSearchParams(location.search),
    today: today(),
    version: dataVersion.value,
    elder: prefs.elder,
    view: prefs.view,
    chosen: useRegionStore(pinia).chosen,
    online: navigator.onLine,
  })

const app = (hydrate ? createSSRApp : createApp)(App).use(pinia)
const router = createKepuRouter(createWebHistory(import.meta.env.BASE_URL))

/** Marked for the bench's trace (npm run bench): how long taking over the page takes. */
function mount() {
  performance.mark('kepu:mount')
  app.mount('#app')
  performance.measure('kepu:mounted', 'kepu:mount')
  // The app has taken over the page (tests wait for it before tapping: a tap on pre-rendered HTML
  // before the scripts arrive does nothing, as on a phone).
  document.documentElement.dataset.app = 'ready'
}

const nextTask = () => new Promise((ok) => setTimeout(ok))

/**
 * Over pre-rendered HTML, which the person is reading already, the work comes in short tasks (a
 * phone stays responsive between them): the app's code above; the route; then hydrating, once the
 * route is resolved (the page stays as it arrived until then). The shell has nothing to show until
 * the app mounts: at once.
 */
async function start() {
  if (first) await nextTask()
  app.use(router)
  if (first) {
    await router.isReady()
    await nextTask()
  }
  mount()
}
void start()
