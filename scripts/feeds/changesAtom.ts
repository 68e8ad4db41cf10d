import { CHANGE_LABEL, describeChange, type Change } from '../../src/domain/changes'
import { eventPath } from '../../src/domain/feeds'
import { eventSlug } from '../../src/domain/uid'
import type { RegionIndex } from '../../src/domain/regions'
import { escapeMarkup } from '../markup'

/** Atom (RFC 4287) feeds of what changed: one for the country, one per province. */
export function changesFeeds(log: Change[], regions: RegionIndex, siteUrl: string, updated: string): Map<string, string> {
  const out = new Map<string, string>()
  out.set('changes.atom', atom(log, { title: '科普日历 · 最近更新', self: `${siteUrl}/feeds/changes.atom`, siteUrl, updated, regions }))
  // A province's feed: its own regions' changes, and the national ones every region inherits.
  const provinceOf = new Map(log.map((c) => [c, c.region ? regions.path(c.region).find((r) => r.level === 'province')?.code : undefined]))
  for (const province of regions.all.filter((r) => r.level === 'province')) {
    const mine = log.filter((c) => c.region === '000000' || provinceOf.get(c) === province.code)
    out.set(`${province.code}-changes.atom`, atom(mine, { title: `科普日历 · ${province.name} · 最近更新`, self: `${siteUrl}/feeds/${province.code}-changes.atom`, siteUrl, updated, regions }))
  }
  return out
}

const esc = escapeMarkup
function atom(list: Change[], o: { title: string; self: string; siteUrl: string; updated: string; regions: RegionIndex }): string {
  const stamp = (d: string) => `${d}T00:00:00Z`
  const entries = list.map((c) => {
    const link = c.uid ? `${o.siteUrl}${eventPath(eventSlug(c.uid))}` : `${o.siteUrl}/changes`
    const id = `tag:kepu-calendar,${c.date}:${c.kind}/${c.uid ?? c.document ?? c.title}`
    const text = describeChange(c, (code) => o.regions.fullName(code))
    return [
      '  <entry>',
      `    <id>${esc(id)}</id>`,
      `    <title>${esc(`${CHANGE_LABEL[c.kind]}：${c.title}`)}</title>`,
      `    <updated>${stamp(c.date)}</updated>`,
      `    <link rel="alternate" type="text/html" href="${esc(link)}"/>`,
      `    <summary>${esc(text)}</summary>`,
      '  </entry>',
    ].join('\n')
  })
  return [
    '<?xml version="1.0" encoding="utf-8"?>',
    '<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="zh-CN">',
    `  <id>${esc(o.self)}</id>`,
    `  <title>${esc(o.title)}</title>`,
    `  <updated>${stamp(list[0]?.date ?? o.updated)}</updated>`,
    `  <link rel="self" type="application/atom+xml" href="${esc(o.self)}"/>`,
    `  <link rel="alternate" type="text/html" href="${esc(`${o.siteUrl}/changes`)}"/>`,
    '  <author><name>科普日历</name></author>',
    ...entries,
    '</feed>',
    '',
  ].join('\n')
}
