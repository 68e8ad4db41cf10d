import { ref } from 'vue'

/**
 * Whether the network answered our last request. A page the service worker served from its cache
 * can report navigator.onLine === true with no network at all (Chromium does, under emulated
 * offline), and a phone on a dead Wi-Fi says "online" too: so the fetch layer reports what it saw.
 */
export const networkFailed = ref(false)

export function reportNetwork(ok: boolean) {
  networkFailed.value = !ok
}
