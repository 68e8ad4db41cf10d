import ICAL from 'ical.js'

/**
 * A strict check of what calendar parsers let pass but clients and proxies trip over (RFC 5545):
 * CRLF after every line, the last one too; lines of at most 75 octets; TEXT values with `,` `;`
 * and `\` escaped; each property where it belongs. Returns one message per problem; [] is clean.
 * ical.js parses the text first, so anything it rejects is reported too.
 */
export function lintFeed(text: string): string[] {
  const problems: string[] = []
  if (!text.startsWith('BEGIN:VCALENDAR\r\n')) problems.push('does not start with BEGIN:VCALENDAR and CRLF')
  if (!text.endsWith('END:VCALENDAR\r\n')) problems.push('does not end with END:VCALENDAR and CRLF (the last line needs its CRLF too)')
  if (/(^|[^\r])\n/.test(text) || /\r(?!\n)/.test(text)) problems.push('line endings are not all CRLF (a bare LF or CR)')
  problems.push(...lintContentLines(text))
  const encoder = new TextEncoder()
  text.split('\r\n').forEach((line, i) => {
    if (encoder.encode(line).length > 75) problems.push(`line ${i + 1} is longer than 75 octets`)
    if (line.includes('\ufffd')) problems.push(`line ${i + 1} has a broken character (folded inside a character?)`)
  })
  let root: ICAL.Component
  try {
    root = new ICAL.Component(ICAL.parse(text))
  } catch (e) {
    return [...problems, `ical.js cannot parse it: ${(e as Error).message}`]
  }
  for (const p of ['prodid', 'version']) if (!root.getFirstPropertyValue(p)) problems.push(`calendar lacks ${p.toUpperCase()}`)
  const zones = new Set(root.getAllSubcomponents('vtimezone').map((z) => String(z.getFirstPropertyValue('tzid'))))
  const uids = new Set<string>()
  for (const ev of root.getAllSubcomponents('vevent')) {
    const uid = String(ev.getFirstPropertyValue('uid') ?? '')
    const where = `event ${uid || '(no UID)'}`
    for (const p of ['uid', 'dtstamp', 'dtstart', 'summary']) if (!ev.hasProperty(p)) problems.push(`${where} lacks ${p.toUpperCase()}`)
    if (uids.has(uid)) problems.push(`${where}: UID used twice in one feed`)
    uids.add(uid)
    const stamp = ev.getFirstProperty('dtstamp')
    if (stamp && !/Z$/.test(String(stamp.toICALString()))) problems.push(`${where}: DTSTAMP is not in UTC`)
    const start = ev.getFirstProperty('dtstart')
    const end = ev.getFirstProperty('dtend')
    for (const prop of [start, end]) {
      const tzid = prop?.getParameter('tzid')
      if (tzid && !zones.has(String(tzid))) problems.push(`${where}: TZID ${tzid} has no VTIMEZONE`)
    }
    if (start && end) {
      if (start.type !== end.type) problems.push(`${where}: DTSTART is ${start.type}, DTEND is ${end.type}`)
      const s = start.getFirstValue() as ICAL.Time
      const e = end.getFirstValue() as ICAL.Time
      if (e.compare(s) <= 0) problems.push(`${where}: DTEND is not after DTSTART`)
    }
  }
  return problems
}

// TEXT properties whose values must escape , ; and \ (RFC 5545 §3.3.11). CATEGORIES is a list:
// its commas separate values, so only ; and \ are checked there.
const TEXT_PROPS = new Set(['SUMMARY', 'DESCRIPTION', 'LOCATION', 'COMMENT', 'NAME', 'X-WR-CALNAME', 'X-WR-CALDESC', 'CONTACT'])
const IN_CALENDAR = new Set(['VERSION', 'PRODID', 'CALSCALE', 'METHOD', 'NAME', 'URL', 'REFRESH-INTERVAL', 'X-PUBLISHED-TTL', 'X-WR-CALNAME', 'X-WR-CALDESC', 'X-WR-TIMEZONE', 'DESCRIPTION', 'SOURCE', 'COLOR', 'LAST-MODIFIED'])
const IN_EVENT = new Set([
  'UID', 'SEQUENCE', 'DTSTAMP', 'DTSTART', 'DTEND', 'DURATION', 'SUMMARY', 'DESCRIPTION', 'LOCATION', 'URL', 'STATUS', 'CATEGORIES',
  'LAST-MODIFIED', 'CREATED', 'TRANSP', 'CLASS', 'ORGANIZER', 'CONTACT', 'GEO', 'PRIORITY', 'RRULE', 'EXDATE', 'RDATE', 'RECURRENCE-ID', 'ATTACH', 'COMMENT', 'X-MICROSOFT-CDO-ALLDAYEVENT', 'X-ALT-DESC',
])

/** Lines unfolded, properties checked where they stand and how their TEXT is escaped. */
function lintContentLines(text: string): string[] {
  const problems: string[] = []
  const lines = text.replace(/\r\n[ \t]/g, '').split('\r\n').filter(Boolean)
  const stack: string[] = []
  for (const [i, line] of lines.entries()) {
    const colon = valueStart(line)
    const name = line.slice(0, colon).split(';')[0]!.toUpperCase()
    const value = line.slice(colon + 1)
    if (name === 'BEGIN') {
      stack.push(value.toUpperCase())
      continue
    }
    if (name === 'END') {
      if (stack.pop() !== value.toUpperCase()) problems.push(`line ${i + 1}: END:${value} does not close what is open`)
      continue
    }
    const where = stack.at(-1)
    if (where === 'VCALENDAR' && !IN_CALENDAR.has(name) && !name.startsWith('X-')) problems.push(`line ${i + 1}: ${name} does not belong to VCALENDAR`)
    if (where === 'VEVENT' && !IN_EVENT.has(name) && !name.startsWith('X-')) problems.push(`line ${i + 1}: ${name} does not belong to VEVENT`)
    if (where === 'VCALENDAR' && ['DTSTART', 'DTEND', 'UID', 'SUMMARY'].includes(name)) problems.push(`line ${i + 1}: ${name} outside a VEVENT`)
    if (TEXT_PROPS.has(name) || name === 'CATEGORIES') {
      const bad = unescaped(value, name === 'CATEGORIES')
      if (bad) problems.push(`line ${i + 1}: ${name} has an unescaped ${bad}`)
    }
  }
  if (stack.length) problems.push(`${stack.join(', ')} not closed`)
  return problems
}

/** Where the value starts: the first colon outside a quoted parameter value. */
function valueStart(line: string): number {
  let quoted = false
  for (let i = 0; i < line.length; i++) {
    if (line[i] === '"') quoted = !quoted
    else if (line[i] === ':' && !quoted) return i
  }
  return line.length
}

/** The first character a TEXT value leaves unescaped: , ; or a \ that escapes nothing. */
function unescaped(value: string, list: boolean): string | null {
  for (let i = 0; i < value.length; i++) {
    const c = value[i]!
    if (c === '\\') {
      if (!/[\\;,nN]/.test(value[i + 1] ?? '')) return '\\'
      i++
    } else if (c === ';' || (c === ',' && !list)) return c
  }
  return null
}
