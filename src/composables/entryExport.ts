import { computed, type Ref } from 'vue'
import { downloadText } from '@/composables/download'
import { localInstances } from '@/domain/local/instances'
import type { LocalEntry } from '@/domain/local/schema'
import { entryToYaml } from '@/domain/local/yaml'
import type { Instance } from '@/domain/types'
import { useDataStore } from '@/stores/data'

/**
 * A checked entry as the calendar will show it (the preview), and as files to hand on: the entry
 * file for seeds/local, and its events as an .ics. `ready` says whether the entry may go out (and
 * shows every problem when it may not).
 */
export function useEntryExport(o: { entry: () => LocalEntry | null; fileId: Ref<string>; path: Ref<string>; regionName: Ref<string>; note: Ref<string>; ready: () => boolean }) {
  const data = useDataStore()
  const preview = computed<Instance[]>(() => {
    const e = o.entry()
    const activity = e ? data.activities.get(e.activity) : undefined
    return e && activity ? localInstances(o.fileId.value || 'draft', e, { activity, file: o.path.value, documentSources: [] }) : []
  })

  function exportYaml() {
    if (!o.ready()) return
    downloadText(`${o.fileId.value}.yaml`, entryToYaml(o.entry()!), 'text/yaml;charset=utf-8')
    o.note.value = `已下载 ${o.fileId.value}.yaml。请放到 ${o.path.value}，提交后重新构建即发布。`
  }

  async function exportIcs() {
    if (!o.ready() || !data.index) return
    const { buildCalendar } = await import('@/domain/ical/feed')
    const head = { name: `科普日历 · ${preview.value[0]?.title ?? ''}`, description: o.regionName.value, url: `${location.origin}/` }
    downloadText(`${o.fileId.value}.ics`, buildCalendar(head, preview.value, { siteUrl: location.origin, activities: data.activities, dataDate: data.index.dataDate }), 'text/calendar;charset=utf-8')
  }

  return { preview, exportYaml, exportIcs }
}
