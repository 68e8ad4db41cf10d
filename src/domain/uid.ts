// Event identity. A UID names *which* event (activity, the region that runs it, year, entry) and
// never *when*: moving the dates keeps the UID, so subscribed calendars update instead of duplicating.

export const UID_DOMAIN = 'kepu-calendar'

export function seriesUid(activity: string, ownerRegion: string, year: number): string {
  return `${activity}.${ownerRegion}.${year}@${UID_DOMAIN}`
}

export function localUid(region: string, entryId: string): string {
  return `local.${region}.${entryId}@${UID_DOMAIN}`
}

/** The short form used in page URLs: the UID without its domain. */
export function eventSlug(uid: string): string {
  return uid.replace(`@${UID_DOMAIN}`, '')
}

export function uidFromSlug(slug: string): string {
  return `${slug}@${UID_DOMAIN}`
}

/** The region that owns a series or an entry: the second part of its UID (kepu-ri.000000.2023, local.130283.x). */
export function ownerOf(uid: string): string {
  return uid.split('.')[1] ?? ''
}
