import { defineAsyncComponent, hydrateOnInteraction, type Component, type HydrationStrategy } from 'vue'

/**
 * Runs `work` when the phone is next idle (at the latest after `timeout` ms); returns a cancel.
 * Safari has no requestIdleCallback: a short timer stands in.
 */
export function whenIdle(work: () => void, timeout: number): () => void {
  if (typeof requestIdleCallback === 'function') {
    const id = requestIdleCallback(work, { timeout })
    return () => cancelIdleCallback(id)
  }
  const id = setTimeout(work, 50)
  return () => clearTimeout(id)
}

/** Hydrate when idle, or at once when the person reaches for it: the tap or key is then replayed. */
function idleOrInteraction(timeout: number): HydrationStrategy {
  const onUse = hydrateOnInteraction(['click', 'focusin', 'change', 'keydown'])
  return (hydrate, forEach) => {
    let done = false
    const once = () => {
      if (done) return
      done = true
      hydrate()
    }
    const stops = [whenIdle(once, timeout), onUse(once, forEach)]
    return () => stops.forEach((stop) => stop?.())
  }
}

/**
 * A part of a pre-rendered page hydrated apart from the rest, in a short task of its own: the page
 * is on screen already, its links work as plain links until then, and a tap on a control hydrates
 * it first. The component's code is in the caller's chunk (the loader has it at hand); rendered by
 * the app itself, the part shows at once.
 */
export function hydratedLater<T extends Component>(component: T, timeout = 500) {
  return defineAsyncComponent({ loader: () => Promise.resolve(component), hydrate: idleOrInteraction(timeout) })
}
