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
import '@/styles/main.css'

const pinia = createPinia()
// A pre-rendered region page (dist/r/<code>.html) arrives with its calendar: the app starts from
// it, never fetching it again, and takes over the HTML in place when it would render the same.
const first = readFirstScreen()
if (first?.version === dataVersion.value) {
  arrivedWithPage(`r/${first.code}.json`, first.calendar)
  useDataStore(pinia).seedCalendar(first.code, first.calendar)
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
app.use(router)
// Over pre-rendered HTML the app mounts once its route is resolved: the page stays as it arrived
// until then, and is replaced (or hydrated) in one task. The shell mounts at once.
if (first) void router.isReady().then(() => app.mount('#app'))
else app.mount('#app')
