import { chinaToday } from '@/domain/dates'

let renderDay: string | null = null

/** Pre-rendering at build time (src/entry-server.ts): the day the pages are rendered for. */
export function setRenderDay(day: string) {
  renderDay = day
}

/** Today in China, whatever the phone's time zone. `?today=YYYY-MM-DD` pins it (tests, screenshots). */
export function today(): string {
  if (typeof location === 'undefined') return renderDay ?? chinaToday(Date.now())
  const pinned = new URLSearchParams(location.search).get('today')
  return pinned && /^\d{4}-\d{2}-\d{2}$/.test(pinned) ? pinned : chinaToday(Date.now())
}
