import jsyaml from 'js-yaml'
import { checkEntryText, type EntryTextContext } from '../../src/domain/local/check'
import { parseEntryYaml, YAML_LIMITS, type ParsedYaml } from '../../src/domain/local/yaml'

// The build reads every entry file, up to 100,000 of them: the yaml package, whose documents know
// each field's line, spent most of that build parsing (15 of 49 s). js-yaml parses a plain entry
// about nine times faster. So the build parses with js-yaml, and takes the yaml package's reading
// (src/domain/local/yaml.ts, the one the service and the app use) for anything else: a file with
// anchors or aliases, one js-yaml refuses, and every file with an error, so that messages and their
// lines are always the reference ones.

/** An entry's YAML read quickly when it is plain (see above), else as parseEntryYaml reads it. */
export function parseEntryYamlFast(text: string): ParsedYaml {
  if (text.length > YAML_LIMITS.bytes || /[&*!]/.test(text)) return parseEntryYaml(text)
  let value: unknown
  try {
    // YAML 1.2 core, as parseEntryYaml: 2026-09-12 stays a string, `yes` is not true.
    value = jsyaml.load(text, { schema: jsyaml.CORE_SCHEMA })
  } catch {
    return parseEntryYaml(text)
  }
  // Not a mapping (an empty file, a list): not an entry, and the reference reading says so.
  if (value === null || typeof value !== 'object' || Array.isArray(value) || depthOf(value) > YAML_LIMITS.depth) return parseEntryYaml(text)
  let slow: ParsedYaml | null = null
  const lineOf = (field: string) => {
    // A top-level field of a block mapping is a line of its own; anything else asks the yaml package.
    if (/^[a-zA-Z]+$/.test(field)) {
      const at = new RegExp(`^${field}\\s*:`, 'm').exec(text)
      if (at) return text.slice(0, at.index).split('\n').length
    }
    return (slow ??= parseEntryYaml(text)).lineOf(field)
  }
  return { value, problems: [], lineOf }
}

/** checkEntryText with the fast reading; an entry with an error is read again the reference way. */
export function checkEntryTextFast(text: string, ctx: EntryTextContext): ReturnType<typeof checkEntryText> {
  const fast = checkEntryText(text, ctx, parseEntryYamlFast)
  return fast.errors.length ? checkEntryText(text, ctx) : fast
}

function depthOf(value: unknown, depth = 0): number {
  if (depth > 50 || value === null || typeof value !== 'object') return depth
  const children = Array.isArray(value) ? value : Object.values(value)
  return Math.max(depth + 1, ...children.map((c) => depthOf(c, depth + 1)))
}
