import ICAL from 'ical.js'

/**
 * What calendar parsers let pass but clients trip over. Returns one message per problem; [] is clean.
 * ical.js parses the text first, so anything it rejects is reported too.
 */
export function lintFeed(text: string): string[] {
  const problems: string[] = []
  if (!text.startsWith('BEGIN:VCALENDAR\r\n')) problems.push('does not start with BEGIN:VCALENDAR and CRLF')
  if (/[^\r]\n/.test(text) || /\r(?!\n)/.test(text)) problems.push('line endings are not all CRLF')
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
