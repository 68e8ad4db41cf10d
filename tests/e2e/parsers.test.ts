import { execFileSync } from 'node:child_process'
import { mkdtempSync, readFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { work } from './setup/site'

// Two more real parsers than ical.js: Debian's python3-vobject (through Debian's own Python, not
// one earlier on PATH) and calcurse's importer. scripts/setup-system.sh installs both.
const feeds = join(work, 'dist-a/feeds')
const SAMPLE = ['000000.ics', '130200.ics', '130283-youth.ics', '630000.ics', '220000.ics', '440300.ics']

const VOBJECT = `
import sys, vobject
cal = vobject.readOne(open(sys.argv[1], encoding='utf-8').read(), validate=True)
events = cal.contents.get('vevent', [])
for e in events:
    assert e.uid.value and e.dtstamp.value and e.dtstart.value and e.summary.value
    if hasattr(e, 'dtend'):
        assert e.dtend.value > e.dtstart.value, e.uid.value
print(len(events))
`

const eventsIn = (file: string) => (readFileSync(join(feeds, file), 'utf8').match(/^BEGIN:VEVENT\r$/gm) ?? []).length

describe.each(SAMPLE)('%s', (file) => {
  it('python3-vobject reads every event and validates the calendar', () => {
    const out = execFileSync('/usr/bin/python3', ['-c', VOBJECT, join(feeds, file)], { encoding: 'utf8' })
    expect(Number(out.trim())).toBe(eventsIn(file))
    expect(eventsIn(file)).toBeGreaterThan(0)
  })

  it('calcurse -i imports every event and skips none', () => {
    const dir = mkdtempSync(join(tmpdir(), 'calcurse-'))
    const out = execFileSync('calcurse', ['-D', dir, '-i', join(feeds, file)], { encoding: 'utf8', input: '' })
    const m = /(\d+) apps \/ (\d+) events \/ \d+ todos \/ (\d+) skipped/.exec(out)!
    expect(Number(m[1]) + Number(m[2])).toBe(eventsIn(file))
    expect(Number(m[3])).toBe(0)
  })
})
