// The entry: as small as a script can be. On a pre-rendered region page the person already sees
// the events; the app (src/boot.ts: Vue, the router, the stores) is fetched and run once the
// browser reports that page painted, so none of its work stands between the HTML and the screen.
// The shell (every other address) starts the app at once.
import '@/styles/main.css'

// The framework is evaluated first, the app's own code in a task after it: two short tasks rather
// than one long one on a slow phone (the framework chunk holds Vue, the router and Pinia).
const start = () => void import('vue').then(() => setTimeout(() => void import('./boot')))

/** Runs `then` after the first contentful paint has reached the screen (not merely been drawn). */
function afterFirstPaint(then: () => void) {
  let started = false
  const go = () => {
    if (started) return
    started = true
    then()
  }
  try {
    const seen = new PerformanceObserver((list) => {
      if (!list.getEntriesByName('first-contentful-paint').length) return
      seen.disconnect()
      setTimeout(go)
    })
    seen.observe({ type: 'paint', buffered: true })
  } catch {
    // No paint timing in this browser: the timer below starts the app.
  }
  // A browser that never reports the paint (an old one, a tab opened in the background).
  setTimeout(go, 1000)
}

if (document.getElementById('kepu-first')) afterFirstPaint(start)
else start()
