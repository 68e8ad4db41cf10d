/**
 * The shape of the published data files (data/<version>/…). An open copy of the app follows a
 * newer dataset only when its format is this one: data the organiser service publishes, yes; a
 * deployment whose data the old code cannot read, no (that comes with new code, by the update
 * prompt). Raise it whenever a data file's shape changes.
 *   2: r/<code>.json without sources, which moved to s/<code>.json.
 *   3: r/<code>.json and s/<code>.json hold the region's own events only; a calendar is its path's files.
 */
export const DATA_FORMAT = 3

/** The dataset version a data/latest.json names, if this code can read it; else null. */
export function readableVersion(pointer: { version?: unknown; format?: unknown } | null | undefined): string | null {
  return pointer?.format === DATA_FORMAT && typeof pointer.version === 'string' && /^[0-9a-f]{12}$/.test(pointer.version) ? pointer.version : null
}

/** The service worker's caches the app also writes to (vite.config.ts names them for the worker). */
export const CACHES = {
  /** data/<version>/… files, any version this format can read. */
  data: `kepu-data-f${DATA_FORMAT}`,
  /** Pre-rendered region pages the person has visited. */
  pages: 'kepu-pages',
}
