import { computed, onBeforeUnmount, onMounted, ref } from 'vue'
import { followLatest } from './dataUrl'
import { networkFailed, reportNetwork } from './network'

// Two signals, because neither alone is true everywhere: the browser's own flag, and whether the
// network answered (see network.ts). A small probe asks the network itself.
const browserOnline = ref(typeof navigator === 'undefined' ? true : navigator.onLine)

/**
 * Asks the network for the one small file no cache keeps (data/latest.json): the answer, or its
 * absence, says whether what is on screen could be fresh; a newer version in it is followed (the
 * views load their data again in place). Never throws.
 */
export async function probeNetwork(): Promise<boolean> {
  try {
    await followLatest()
    reportNetwork(true)
    return true
  } catch {
    reportNetwork(false)
    return false
  }
}

/** Online as far as the person is concerned: the browser says so and the network answers. */
export function useOnline() {
  const update = () => {
    browserOnline.value = navigator.onLine
    // Coming back: check rather than trust the event; going away: nothing to check.
    if (navigator.onLine) void probeNetwork()
  }
  let probe: ReturnType<typeof setTimeout> | undefined
  onMounted(() => {
    window.addEventListener('online', update)
    window.addEventListener('offline', update)
    // After the first screen, not before it: the probe must never delay what the person sees.
    probe = setTimeout(() => void probeNetwork(), 300)
  })
  onBeforeUnmount(() => {
    clearTimeout(probe)
    window.removeEventListener('online', update)
    window.removeEventListener('offline', update)
  })
  return computed(() => browserOnline.value && !networkFailed.value)
}
