import { z } from 'zod'
import { fieldProblems } from '../../src/domain/local/schema'
import { parseEntryYaml } from '../../src/domain/local/yaml'
import type { RegionIndex } from '../../src/domain/regions'
import type { DocumentKind } from '../../src/domain/types'
import type { Problem } from '../problems'

/**
 * `<document>.meta.yaml` beside a document: what a maintainer settles by hand when the text does
 * not say it (the review report lists those documents). Every field is optional; what it gives
 * wins over what the extraction read. Checked like organisers' entries, with the same messages.
 *
 *   region: "341881"        # the region whose document it is
 *   year: 2022              # the year its activities are for
 *   docNumber: 宁科〔2022〕3号 # its own 文号
 *   kind: news              # notice | plan | news | page
 */
export interface Sidecar {
  region?: string
  year?: number
  docNumber?: string
  kind?: DocumentKind
}

const shape = z
  .object({
    region: z
      .union([z.string(), z.number()], { error: '地区代码应为 6 位数字，如 "130283" (region: a 6-digit code)' })
      .transform(String)
      .pipe(z.string().regex(/^\d{6}$/, { error: '地区代码应为 6 位数字，如 "130283" (region: a 6-digit code)' }))
      .optional(),
    year: z.number({ error: '年份应为数字，如 2024 (year: a number such as 2024)' }).int().min(1990, { error: '年份应在 1990 年以后 (year: 1990 or later)' }).max(2100).optional(),
    docNumber: z.string({ error: '文号应为文字，如 宁科〔2022〕3号 (docNumber: text)' }).trim().min(1).max(60).optional(),
    kind: z.enum(['notice', 'plan', 'news', 'page'], { error: '类型只能是 notice、plan、news 或 page (kind: notice, plan, news or page)' }).optional(),
  }, { error: '文件应由“字段: 值”组成，如 region: "130283" (the file must be field: value lines)' })
  .strict()

export function parseSidecar(file: string, text: string, regions: RegionIndex): { sidecar: Sidecar | null; problems: Problem[] } {
  const parsed = parseEntryYaml(text)
  if (parsed.problems.length) return { sidecar: null, problems: parsed.problems.map((p) => ({ file, line: p.line, message: p.message })) }
  const r = shape.safeParse(parsed.value ?? {})
  if (!r.success) return { sidecar: null, problems: fieldProblems(r.error).map((p) => ({ file, line: parsed.lineOf(p.field), field: p.field || undefined, message: p.message })) }
  if (r.data.region && !regions.byCode.has(r.data.region)) {
    return { sidecar: null, problems: [{ file, line: parsed.lineOf('region'), field: 'region', message: `没有地区代码 ${r.data.region}；请在 GB/T 2260 地区代码中查找 (no such region code)` }] }
  }
  return { sidecar: r.data, problems: [] }
}
