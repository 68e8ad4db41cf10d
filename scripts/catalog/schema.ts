import { z } from 'zod'
import { isValidIso } from '../../src/domain/dates'

const isoDate = z.string().refine(isValidIso, { message: 'must be a real date written YYYY-MM-DD' })
const monthDay = { month: z.number().int().min(1).max(12), day: z.number().int().min(1).max(31) }

const rule = z.discriminatedUnion('type', [
  z.object({ type: z.literal('fixed'), ...monthDay, length: z.number().int().min(1).optional(), authority: z.string().optional() }),
  z.object({ type: z.literal('month'), month: monthDay.month, from: z.number().int().optional(), authority: z.string().optional() }),
  z.object({
    type: z.literal('weekday-on-or-after'),
    ...monthDay,
    weekday: z.number().int().min(0).max(6),
    length: z.number().int().min(1).max(62),
  }),
  z.object({ type: z.literal('with'), activity: z.string() }),
])

const official = z
  .object({
    year: z.number().int(),
    start: isoDate,
    end: isoDate,
    source: z.string().min(2),
    note: z.string().optional(),
    revision: z.number().int().min(0).optional(),
    /** When the source was published: the newest of these dates the data (dataDate). */
    published: isoDate.optional(),
  })
  .refine((o) => o.start <= o.end, { message: 'end is before start' })
  .refine((o) => o.start.startsWith(String(o.year)), { message: 'start is not in the stated year' })

export const activitySchema = z.object({
  id: z.string().regex(/^[a-z0-9-]+$/, 'ids are lower-case latin, digits and hyphens'),
  name: z.string().min(2),
  renamed: z.array(z.object({ from: z.number().int(), name: z.string().min(2) })).optional(),
  aliases: z.array(z.string().min(2)).min(1),
  patterns: z.array(z.string()).optional(),
  kind: z.enum(['day', 'week', 'month', 'tour', 'contest', 'camp', 'lecture', 'campaign']),
  audience: z.array(z.enum(['public', 'youth', 'farmers', 'elderly', 'workers', 'officials'])).min(1),
  owner: z.union([z.literal('national'), z.literal('issuer'), z.string().regex(/^\d{6}$/)]),
  rule: rule.optional(),
  ruleText: z.string().optional(),
  official: z.array(official).optional(),
  edition: z.object({ baseYear: z.number().int(), baseEdition: z.number().int().min(1) }).optional(),
  since: z.number().int().optional(),
  description: z.string().optional(),
})

export const catalogSchema = z.object({ activities: z.array(activitySchema).min(1) })
