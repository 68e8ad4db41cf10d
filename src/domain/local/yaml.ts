import { isMap, isScalar, isSeq, LineCounter, parseDocument, stringify, type Node } from 'yaml'
import type { FieldProblem, LocalEntry } from './schema'

export interface ParsedYaml {
  value: unknown
  /** Syntax errors, with their line. */
  problems: (FieldProblem & { line?: number })[]
  /** 1-based line of a field path such as `stops.1.place`, for messages. */
  lineOf: (field: string) => number | undefined
}

/** An entry is a few lines: anything larger, deeper or with many aliases is not one (an alias bomb). */
export const YAML_LIMITS = { bytes: 64 * 1024, depth: 6, aliases: 20 }

export function parseEntryYaml(text: string): ParsedYaml {
  const counter = new LineCounter()
  const refuse = (message: string): ParsedYaml => ({ value: null, problems: [{ field: '', message }], lineOf: () => undefined })
  if (text.length > YAML_LIMITS.bytes) return refuse(`文件太大（${Math.round(text.length / 1024)} KB），一项活动不应超过 64 KB (file too large for one entry)`)
  // YAML 1.2 core schema: 2026-09-12 stays a string, and `yes` is not true.
  const doc = parseDocument(text, { lineCounter: counter, prettyErrors: true, uniqueKeys: true })
  if (!doc.errors.length) {
    if (depthOf(doc.contents) > YAML_LIMITS.depth) return refuse(`嵌套层数太多（超过 ${YAML_LIMITS.depth} 层），不是一项活动的格式 (nested too deep for an entry)`)
    try {
      const value = doc.toJS({ maxAliasCount: YAML_LIMITS.aliases })
      return { value, problems: [], lineOf: lineOfIn(doc, counter) }
    } catch {
      return refuse('文件里的引用（& 和 *）太多，不是一项活动的格式；请删除引用后重写 (too many YAML aliases)')
    }
  }
  const problems = doc.errors.map((e) => ({
    field: '',
    line: e.linePos?.[0]?.line,
    message: `YAML 格式错误：${e.message.split('\n')[0]}；检查缩进和冒号后的空格 (YAML syntax error: check indentation and the space after colons)`,
  }))
  return { value: null, problems, lineOf: lineOfIn(doc, counter) }
}

function depthOf(node: unknown, depth = 0): number {
  if (depth > 50) return depth
  if (isMap(node)) return Math.max(depth + 1, ...node.items.map((p) => depthOf(p.value, depth + 1)))
  if (isSeq(node)) return Math.max(depth + 1, ...node.items.map((i) => depthOf(i, depth + 1)))
  return depth
}

/** 1-based line of a field path such as `stops.1.place`, for messages. */
function lineOfIn(doc: ReturnType<typeof parseDocument>, counter: LineCounter) {
  return (field: string): number | undefined => {
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
