import { chinaToday } from '@/domain/dates'

/** Today in China, whatever the phone's time zone. `?today=YYYY-MM-DD` pins it (tests, screenshots). */
export function today(): string {
  const pinned = new URLSearchParams(location.search).get('today')
  return pinned && /^\d{4}-\d{2}-\d{2}$/.test(pinned) ? pinned : chinaToday(Date.now())
}
