import type { ListedInstance } from '../types'
import { checkEntryContext, type EntryContext } from './rules'
import { checkEntry, type LocalEntry } from './schema'
import { parseEntryYaml, type ParsedYaml } from './yaml'

/** A problem in an entry's text, at its line when the YAML says where. */
export interface EntryTextProblem {
  line?: number
  field?: string
  message: string
}

export type EntryTextContext = Omit<EntryContext, 'calendar'> & {
  /** The activity's instances up the entry's region chain, for the period check (the build has them). */
  calendarFor?: (entry: LocalEntry) => ListedInstance[]
}

/**
 * One entry's text checked as the build checks seeds/local/<code>/<id>.yaml: YAML with its limits,
 * the schema, then the catalogue and region rules, each problem at its line. The build, the
 * organiser service and entries:import all call this, so an entry gets the same messages wherever
 * it is checked. `entry` is null when there is any error. `parse`: the build reads faster
 * (scripts/local/fastYaml.ts).
 */
export function checkEntryText(
  text: string,
  ctx: EntryTextContext,
  parse: (text: string) => ParsedYaml = parseEntryYaml,
): { entry: LocalEntry | null; errors: EntryTextProblem[]; warnings: EntryTextProblem[] } {
  const parsed = parse(text)
  if (parsed.problems.length) return { entry: null, errors: parsed.problems.map((p) => ({ line: p.line, message: p.message })), warnings: [] }
  const checked = checkEntry(parsed.value)
  if (!checked.entry) return { entry: null, errors: checked.problems.map((p) => ({ line: parsed.lineOf(p.field), field: p.field || undefined, message: p.message })), warnings: [] }
  const entry = checked.entry
  const rules = checkEntryContext(entry, { ...ctx, calendar: ctx.calendarFor?.(entry) })
  const at = (p: { field: string; message: string }) => ({ line: parsed.lineOf(p.field), field: p.field, message: p.message })
  return { entry: rules.errors.length ? null : entry, errors: rules.errors.map(at), warnings: rules.warnings.map(at) }
}
