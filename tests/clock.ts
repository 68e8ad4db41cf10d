import settings from '../seeds/settings.json' with { type: 'json' }

// The day every test runs on, whatever the machine's clock says. It sits inside the build's window
// of years (seeds/settings.json), late in its second-to-last year: there are past events before
// it and announced and projected ones after it. The app takes "today" from the clock, which unit
// and component tests set with vi.setSystemTime and end-to-end tests with Playwright's clock.
export const WINDOW = settings.window
export const YEARS: number[] = Array.from({ length: WINDOW.to - WINDOW.from + 1 }, (_, i) => WINDOW.from + i)
export const TEST_TODAY = `${WINDOW.to - 1}-11-24`
/** 10:00 in Beijing on TEST_TODAY. */
export const TEST_NOW = new Date(`${TEST_TODAY}T10:00:00+08:00`)
