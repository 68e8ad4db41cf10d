import { onBeforeUnmount, onMounted, ref, watch, type Ref } from 'vue'
import { emptyForm, suggestFileId, type EntryForm } from '@/domain/local/form'
import type { RegionCalendar } from '@/domain/types'
import { useDataStore } from '@/stores/data'
import { useDraftsStore, type Draft } from '@/stores/drafts'

/**
 * One draft being edited: loaded from IndexedDB, saved as the person types (a reload, going
 * offline or an app update loses nothing), its file name following its activity and year until the
 * person types one.
 */
export function useEntryDraft(id: () => string) {
  const data = useDataStore()
  const drafts = useDraftsStore()
  const draft = ref<Draft | null>(null)
  const form = ref<EntryForm>(emptyForm())
  const fileId = ref('')
  const missing = ref(false)
  const pickRegion = ref(false)
  const note = ref('')

  onMounted(async () => {
    await Promise.all([data.loadIndex().catch(() => undefined), data.loadRegions().catch(() => undefined)])
    const found = await drafts.get(id())
    if (!found) {
      missing.value = true
      return
    }
    draft.value = found
    form.value = found.form
    fileId.value = found.fileId
    pickRegion.value = !found.form.region
  })

  // Only the form and the file name are this page's to save: the outbox may have sent the draft,
  // or the service answered it, since the page loaded it. A save merges them into the draft as it
  // is stored now, so a late save never puts an older standing back (正在提交 for a sent draft).
  let timer: ReturnType<typeof setTimeout> | undefined
  async function saveNow() {
    timer = undefined
    if (!draft.value) return
    const stored = (await drafts.get(draft.value.id)) ?? draft.value
    await drafts.save({ ...stored, form: form.value, fileId: fileId.value })
  }
  watch(
    [form, fileId],
    () => {
      if (!draft.value) return
      clearTimeout(timer)
      timer = setTimeout(() => void saveNow(), 250)
    },
    { deep: true },
  )
  // Leaving the page saves what was typed last, now, not after the page is gone.
  onBeforeUnmount(() => {
    if (timer === undefined) return
    clearTimeout(timer)
    void saveNow()
  })

  let suggested = 'new-entry'
  watch(
    () => [form.value.activity, form.value.start],
    () => {
      if (!draft.value || draft.value.baseRevision || fileId.value !== suggested) return
      if (!form.value.activity || !form.value.start) return
      suggested = suggestFileId(form.value)
      fileId.value = suggested
    },
  )

  /** Saves now (before submitting): the draft as it is on screen. */
  const current = (): Draft => ({ ...draft.value!, form: form.value, fileId: fileId.value })

  return { draft, form, fileId, missing, pickRegion, note, current }
}

/** Dates and audience from the activity's period this year (or next) in the county's calendar, to start from. */
export function usePrefill(form: Ref<EntryForm>, calendar: Ref<RegionCalendar | null>, today: string, note: Ref<string>) {
  const data = useDataStore()
  watch(
    () => [form.value.activity, calendar.value],
    () => {
      const activity = data.activities.get(form.value.activity)
      if (!activity || !calendar.value) return
      const upcoming = calendar.value.instances
        .filter((i) => i.activity === activity.id && i.start && i.end && i.basis !== 'local' && i.end >= today)
        .sort((a, b) => (a.start! < b.start! ? -1 : 1))[0]
      if (!form.value.audience.length) form.value.audience = [...activity.audience]
      if (upcoming && !form.value.start) {
        form.value.start = upcoming.start!
        form.value.end = upcoming.end!
        note.value = `已按${upcoming.title}（${upcoming.status === 'tentative' ? '预计' : '已公布'}）的活动期填入日期，可修改。`
      }
    },
  )
}
