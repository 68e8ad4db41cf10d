import { onScopeDispose, ref, shallowRef, watch, type Ref, type ShallowRef, type WatchSource } from 'vue'
import { dataVersion } from './dataUrl'

export interface Latest<T> {
  /** The answer for the current key, or null while it loads or after an error. */
  value: ShallowRef<T | null>
  /** The error message for the current key ('' when none). */
  error: Ref<string>
  loading: Ref<boolean>
}

/**
 * Loads something for a key that changes (a region code, an event slug, a checkbox): only the
 * answer for the current key is ever kept. A late answer for a key the person has left, or one
 * that arrives after the owner unmounted, is dropped, so it can neither show nor be saved. When
 * the site publishes a newer dataset, the current key is loaded again in place. `now` answers at
 * once when the answer is already at hand.
 */
export function useLatest<K, T>(key: WatchSource<K>, load: (key: K) => Promise<T>, now?: (key: K) => T | null): Latest<T> {
  const value = shallowRef<T | null>(null)
  const error = ref('')
  const loading = ref(false)
  let current = 0

  let lastKey: K
  async function run(k: K, clear: boolean) {
    const ticket = ++current
    lastKey = k
    // Already in hand: shown in the same render, not a turn later (a pre-rendered page is hydrated
    // with it; the server renders with it).
    const known = clear ? now?.(k) : null
    if (known != null) {
      value.value = known
      error.value = ''
      loading.value = false
      return
    }
    if (clear) value.value = null
    error.value = ''
    loading.value = true
    try {
      const answer = await load(k)
      if (ticket === current) value.value = answer
    } catch (e) {
      if (ticket === current && clear) error.value = (e as Error).message
    } finally {
      if (ticket === current) loading.value = false
    }
  }

  watch(key, (k) => run(k, true), { immediate: true })
  // Newer data for the same key (an organiser's entry was published): what is shown stays until
  // the new answer replaces it, and stays if the refresh fails.
  watch(dataVersion, () => void run(lastKey, false))
  // Unmounted: whatever is still on its way belongs to nobody.
  onScopeDispose(() => current++)

  return { value, error, loading }
}
