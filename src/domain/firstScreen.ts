import { NATIONAL_CODE, type RegionOwn } from './types'

/**
 * What a pre-rendered region page (dist/r/<code>.html) carries besides its HTML: the published
 * files of its path it was rendered from (national first), and the day and dataset it was rendered
 * for. The app starts from it instead of fetching the same files again, and hydrates the HTML when
 * the phone would render the same.
 */
export interface FirstScreen {
  code: string
  /** The day the page was rendered for (YYYY-MM-DD, in China). */
  today: string
  /** The dataset version the calendar belongs to. */
  version: string
  chain: RegionOwn[]
}

// (src/main.ts looks for it by this name too, without importing anything.)
export const FIRST_SCREEN_ID = 'kepu-first'

/**
 * The data block that carries it. JSON in a <script> ends at the first `</script>`, whoever wrote
 * it: an organiser's title can hold one, so `<`, `>` and `&` are written as \u escapes (and the two
 * line separators old parsers choke on). A data block is not run, so the CSP needs no exception.
 */
export function firstScreenScript(first: FirstScreen): string {
  const json = JSON.stringify(first).replace(/[<>&\u2028\u2029]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`)
  return `<script type="application/json" id="${FIRST_SCREEN_ID}">${json}</script>`
}

/** How the phone would render the page now: everything the pre-rendered first screen depends on. */
export interface ClientState {
  path: string
  query: URLSearchParams
  today: string
  version: string
  elder: boolean
  view: 'agenda' | 'month'
  /** The region the person chose before (the national page greets those who have not). */
  chosen: string | null
  online: boolean
}

/** Query parameters that change what the calendar shows (CalendarView.vue). */
const VIEW_PARAMS = ['view', 'y', 'm']

/**
 * Whether the page the build rendered is the page the phone would render now. Only then is it
 * hydrated; otherwise the app renders its own in its place, from the same inlined data, in the
 * same task (the person never sees a blank). A mismatch hydrated anyway would be patched by Vue
 * with an error in the console.
 */
export function sameFirstScreen(first: FirstScreen, here: ClientState): boolean {
  return (
    // The site root is the national page for a first visit (the server answers / with it).
    (here.path === `/r/${first.code}` || (here.path === '/' && first.code === NATIONAL_CODE)) &&
    !VIEW_PARAMS.some((p) => here.query.has(p)) &&
    here.today === first.today &&
    here.version === first.version &&
    // Rendered with the default preferences, online, for someone who has not chosen a region.
    !here.elder &&
    here.view === 'agenda' &&
    here.online &&
    (first.code !== NATIONAL_CODE || !here.chosen)
  )
}
