import { computed, type Ref } from 'vue'
import { formToEntry, type EntryForm } from '@/domain/local/form'
import { checkEntryContext } from '@/domain/local/rules'
import { checkEntry, type LocalEntry } from '@/domain/local/schema'
import type { Activity, ListedInstance } from '@/domain/types'

export interface EntryCheck {
  entry: LocalEntry | null
  /** field → messages; the build's own schema, message for message. */
  errors: Map<string, string[]>
  warnings: Map<string, string[]>
}

/** Live check of the form as the person types: the schema, then the catalogue and region rules. */
export function useEntryCheck(
  form: Ref<EntryForm>,
  deps: Ref<{ activities: Map<string, Activity>; regionExists: (c: string) => boolean; years: number[]; calendar: ListedInstance[]; dataDate: string }>,
) {
  return computed<EntryCheck>(() => {
    const errors = new Map<string, string[]>()
    const warnings = new Map<string, string[]>()
    const add = (m: Map<string, string[]>, field: string, message: string) => m.set(field, [...(m.get(field) ?? []), message])
    const { entry, problems } = checkEntry(formToEntry(form.value))
    for (const p of problems) add(errors, p.field, p.message)
    if (entry) {
      const ctx = checkEntryContext(entry, { ...deps.value, folder: entry.region })
      for (const p of ctx.errors) add(errors, p.field, p.message)
      for (const p of ctx.warnings) add(warnings, p.field, p.message)
    }
    return { entry: errors.size ? null : entry, errors, warnings }
  })
}
