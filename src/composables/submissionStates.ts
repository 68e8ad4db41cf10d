import { ref, watch } from 'vue'
import type { Submitted } from '@/composables/outbox'
import { useAccountStore } from '@/stores/account'

/**
 * What became of each submission the signed-in editor made: waiting, published, or returned with
 * the reviewer's reason. Asked whenever the signed-in person changes; a submission made since is
 * not in it and reads as waiting, which it is.
 */
export function useSubmissionStates() {
  const account = useAccountStore()
  const byId = ref(new Map<number, Submitted>())
  async function refresh() {
    if (!account.account) return
    const r = await account.call<{ submissions: Submitted[] }>('GET', 'submissions').catch(() => null)
    if (r) byId.value = new Map(r.submissions.map((s) => [s.id, s]))
  }
  watch(() => account.account?.id, () => void refresh(), { immediate: true })
  return { byId }
}
