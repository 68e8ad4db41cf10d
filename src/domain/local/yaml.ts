import { isMap, isScalar, isSeq, LineCounter, parseDocument, stringify, type Node } from 'yaml'
import type { FieldProblem, LocalEntry } from './schema'

export interface ParsedYaml {
  value: unknown
  /** Syntax errors, with their line. */
  problems: (FieldProblem & { line?: number })[]
  /** 1-based line of a field path such as `stops.1.place`, for messages. */
  lineOf: (field: string) => number | undefined
}

export function parseEntryYaml(text: string): ParsedYaml {
  const counter = new LineCounter()
  // YAML 1.2 core schema: 2026-09-12 stays a string, and `yes` is not true.
  const doc = parseDocument(text, { lineCounter: counter, prettyErrors: true, uniqueKeys: true })
  const problems = doc.errors.map((e) => ({
    field: '',
    line: e.linePos?.[0]?.line,
    message: `YAML 格式错误：${e.message.split('\n')[0]}；检查缩进和冒号后的空格 (YAML syntax error: check indentation and the space after colons)`,
  }))
  const lineOf = (field: string): number | undefined => {
    let node: unknown = doc.contents
    let line: number | undefined
    for (const key of field ? field.split('.') : []) {
      if (isMap(node)) {
        const pair = node.items.find((p) => isScalar(p.key) && String(p.key.value) === key)
        if (!pair) break
        const k = pair.key as Node
        if (k.range) line = counter.linePos(k.range[0]).line
        node = pair.value
      } else if (isSeq(node)) {
        const item = node.items[Number(key)] as Node | undefined
        if (!item) break
        if (item.range) line = counter.linePos(item.range[0]).line
        node = item
      } else break
    }
    return line
  }
  return { value: problems.length ? null : doc.toJS(), problems, lineOf }
}

const HEADER = `# yaml-language-server: $schema=../entry.schema.json
# 科普日历 · 本地活动 (local event entry)
# 放在 seeds/local/<地区代码>/ 下；字段说明见 README「County organisers」。
# Place under seeds/local/<region code>/; fields are described in the README.
`

/** The entry as the file an organiser commits: fields in a fixed, readable order. */
export function entryToYaml(e: LocalEntry): string {
  const order: (keyof LocalEntry)[] = ['activity', 'region', 'title', 'start', 'end', 'startTime', 'endTime', 'venue', 'address', 'organiser', 'contact', 'audience', 'description', 'link', 'status', 'revision', 'updated', 'stops']
  const ordered: Record<string, unknown> = {}
  for (const k of order) if (e[k] !== undefined) ordered[k] = e[k]
  return HEADER + stringify(ordered, { lineWidth: 0, defaultStringType: 'PLAIN', defaultKeyType: 'PLAIN' })
}
