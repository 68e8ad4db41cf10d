import { defineStore } from 'pinia'
import { ref } from 'vue'

const KEY = 'kepu.region'

/** The region the person chose last time, if any (read before the router resolves `/`). */
export function storedRegion(): string | null {
  try {
    const code = localStorage.getItem(KEY)
    return code && /^\d{6}$/.test(code) ? code : null
  } catch {
    return null
  }
}

export const useRegionStore = defineStore('region', () => {
  const chosen = ref<string | null>(storedRegion())

  function choose(code: string) {
    if (chosen.value === code) return
    chosen.value = code
    // Written a moment later, not in the task that shows the calendar: a first write to storage
    // can take milliseconds on a phone.
    setTimeout(() => {
      try {
        localStorage.setItem(KEY, code)
      } catch {
        // Private mode: the choice still lives in the URL.
      }
    })
  }

  return { chosen, choose }
})
