import { z } from 'zod'
import { isValidIso } from '../dates'

// The schema of a county organiser's entry (seeds/local/<code>/<id>.yaml). The build, the editor
// in the app and the committed JSON Schema (seeds/local/entry.schema.json) all come from here, so a
// person sees the same message, in Chinese with English alongside, wherever they make a mistake.

/** Far above any real entry's edits, far below the database's integer: a revision is a count of edits. */
export const MAX_REVISION = 100_000

export const LIMITS = { title: 60, venue: 100, address: 200, organiser: 100, contact: 100, description: 2000, place: 100 } as const

// Characters that turn text around on screen (‮evil reads as live): never in an entry.
const BIDI = /[\u202a-\u202e\u2066-\u2069]/
/** Unicode's format characters (Cf): zero-width spaces and joiners, LRM, RLM, ALM, the BOM, soft hyphens. */
const INVISIBLE = /\p{Cf}/u

const text = (field: string, max: number, oneLine = true) =>
  z
    .string({
      // Missing is not "not text": say which, so the person knows to add the line, not to retype it.
      error: (issue) =>
        issue.input === undefined || issue.input === null
          ? `请填写${field} (${field} is required)`
          : `${field}应为文字，如“迁安市科学技术协会” (${field} must be text)`,
    })
    .trim()
    .min(1, { error: `${field}不能为空；不需要可删除这一行 (empty: remove the line if not needed)` })
    .max(max, { error: `${field}最多 ${max} 个字 (at most ${max} characters)` })
    // Tab and line breaks are text; every other control character (C0, DEL, C1) is not, and RFC 5545 forbids them in feeds.
    .refine((s) => !/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f]/.test(s), { error: `${field}含有不可见的控制字符 (contains control characters)` })
    .refine((s) => !BIDI.test(s), { error: `${field}含有改变文字方向的隐藏字符，请删除后重新输入 (contains bidirectional control characters)` })
    // Zero-width characters, LRM/RLM/ALM, soft hyphens: invisible, they make look-alike titles.
    .refine((s) => BIDI.test(s) || !INVISIBLE.test(s), { error: `${field}含有看不见的格式字符（如零宽空格），请删除后重新输入 (contains invisible format characters)` })
    .refine((s) => !oneLine || !/[\r\n\u2028\u2029\u0085]/.test(s), { error: `${field}只能写一行，请删除换行 (one line only: remove the line break)` })

const date = (field: string) =>
  z
    .string({ error: `请填写${field}，格式 2026-09-12 (${field} is required, as YYYY-MM-DD)` })
    .regex(/^\d{4}-\d{2}-\d{2}$/, { error: `${field}格式应为 2026-09-12 (write the date as YYYY-MM-DD)` })
    .refine(isValidIso, { error: `${field}不是真实的日期，请检查月份和日 (not a real date, e.g. 2月30日)` })

const time = (field: string) =>
  z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, { error: `${field}格式应为 09:30，24 小时制 (write the time as HH:MM, 24-hour)` })

const link = z
  .string()
  .trim()
  .max(500, { error: '链接最多 500 个字符 (link: at most 500 characters)' })
  .refine((s) => !/[\s\p{Cc}\p{Cf}]/u.test(s), { error: '链接里不能有空格、换行或隐藏字符 (link: no spaces, line breaks or hidden characters)' })
  // http://gov.cn@evil.example/ shows one host and opens another.
  .refine((s) => !/^[a-z]+:\/\/[^/?#]*@/i.test(s), { error: '链接里不能有“@”前的用户名部分，请只写网址 (link: no user name before @; write the address only)' })
  .refine(
    (s) => {
      try {
        const u = new URL(s)
        return (u.protocol === 'http:' || u.protocol === 'https:') && !!u.hostname
      } catch {
        return false
      }
    },
    { error: '链接必须以 http:// 或 https:// 开头 (link must be an http or https address)' },
  )

export const AUDIENCES = ['public', 'youth', 'farmers', 'elderly', 'workers', 'officials'] as const

const stop = z
  .object({
    place: text('站点', LIMITS.place),
    start: date('站点开始日期'),
    end: date('站点结束日期'),
  })
  .strict()
  .refine((s) => s.end >= s.start, { error: '站点结束日期早于开始日期 (stop ends before it starts)', path: ['end'] })

export const entryShape = z
  .object({
    activity: z
      .string({ error: '请选择活动，填活动目录中的 id，如 kepu-ri (activity is required: a catalogue id)' })
      .regex(/^[a-z0-9-]+$/, { error: '活动 id 只含小写字母、数字和连字符，如 kepu-ri (activity: a catalogue id such as kepu-ri)' }),
    // An unquoted 130283 is read as a number by YAML: take it as the code it obviously is.
    region: z.preprocess((v) => (typeof v === 'number' ? String(v) : v), z
      .string({ error: '请填写地区代码，6 位数字，如 "130283" (region is required: a 6-digit code in quotes)' })
      .regex(/^\d{6}$/, { error: '地区代码应为 6 位数字，如 "130283" (region: 6 digits)' })),
    title: text('标题', LIMITS.title).optional(),
    start: date('开始日期'),
    end: date('结束日期'),
    startTime: time('开始时间').optional(),
    endTime: time('结束时间').optional(),
    venue: text('地点', LIMITS.venue).optional(),
    address: text('地址', LIMITS.address).optional(),
    organiser: text('主办单位', LIMITS.organiser),
    contact: text('联系方式', LIMITS.contact).optional(),
    audience: z
      .array(z.enum(AUDIENCES, { error: `面向人群只能是 ${AUDIENCES.join(' / ')} (audience: one of these)` }))
      .min(1, { error: '至少选择一类面向人群 (choose at least one audience)' })
      .optional(),
    description: text('活动介绍', LIMITS.description, false).optional(),
    link: link.optional(),
    status: z.enum(['planned', 'cancelled'], { error: '状态只能是 planned（计划举行）或 cancelled（已取消） (status: planned or cancelled)' }),
    revision: z
      .number({ error: '版本号应为整数，从 1 开始，每次修改加 1 (revision: a whole number from 1, up by one per edit)' })
      .int({ error: '版本号应为整数 (revision must be a whole number)' })
      .min(1, { error: '版本号从 1 开始 (revision starts at 1)' })
      .max(MAX_REVISION, { error: `版本号最大 ${MAX_REVISION}；每次修改加 1 即可 (revision: at most ${MAX_REVISION})` }),
    updated: date('修改日期').optional(),
    stops: z.array(stop).max(60, { error: '巡展站点最多 60 个 (at most 60 stops)' }).optional(),
  }, { error: '文件应由“字段: 值”各占一行组成，如 activity: kepu-ri；不能是列表或一段文字 (an entry is field: value lines, not a list or a text)' })
  .strict()

/** The entry schema: field rules, then rules across fields. */
export const entrySchema = entryShape.superRefine((e, ctx) => {
  if (e.end < e.start) ctx.addIssue({ code: 'custom', path: ['end'], message: '结束日期早于开始日期 (end date is before the start date)' })
  if (e.startTime && !e.endTime) ctx.addIssue({ code: 'custom', path: ['endTime'], message: '填了开始时间，也请填结束时间 (endTime is required with startTime)' })
  if (e.endTime && !e.startTime) ctx.addIssue({ code: 'custom', path: ['startTime'], message: '填了结束时间，也请填开始时间 (startTime is required with endTime)' })
  if (e.startTime && e.endTime && e.start === e.end && e.endTime <= e.startTime)
    ctx.addIssue({ code: 'custom', path: ['endTime'], message: '结束时间应晚于开始时间 (endTime must be after startTime)' })
  e.stops?.forEach((s, i) => {
    if (s.start < e.start || s.end > e.end)
      ctx.addIssue({ code: 'custom', path: ['stops', i, 'start'], message: `第 ${i + 1} 站不在活动起止日期内 (stop ${i + 1} is outside the entry's dates)` })
  })
})

export type LocalEntry = z.infer<typeof entryShape>

export interface FieldProblem {
  /** e.g. `start`, `stops.1.place`, or '' for the whole entry. */
  field: string
  message: string
}

/** Every problem at once, field by field, in the schema's words. */
export function checkEntry(value: unknown): { entry: LocalEntry | null; problems: FieldProblem[] } {
  const r = entrySchema.safeParse(value)
  if (r.success) return { entry: r.data, problems: [] }
  return { entry: null, problems: fieldProblems(r.error) }
}

/** A zod error as the problems a person reads: one per field, unknown fields named. */
export function fieldProblems(error: z.ZodError): FieldProblem[] {
  return error.issues.flatMap((i) =>
    i.code === 'unrecognized_keys'
      ? i.keys.map((k) => ({ field: [...i.path, k].join('.'), message: `不认识的字段 ${k}，请检查拼写 (unknown field: check the spelling)` }))
      : [{ field: i.path.join('.'), message: i.message }],
  )
}

/**
 * The entry's file name (without .yaml) is part of its UID, so the build and the editor hold it to
 * one rule. Returns the problem, or '' when the name is fine.
 */
export function fileIdProblem(id: string): string {
  return /^[a-z0-9][a-z0-9-]{0,59}$/.test(id) ? '' : '文件名只用小写字母、数字和连字符，如 2026-kepu-yue.yaml (file name: lower-case letters, digits, hyphens)'
}
