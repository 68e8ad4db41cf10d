import { beforeEach, vi } from 'vitest'
import { TEST_NOW } from '../clock'

// Only Date is faked: promises and timers run as usual, so the views load as they would.
beforeEach(() => {
  vi.useFakeTimers({ toFake: ['Date'], now: TEST_NOW })
  return () => vi.useRealTimers()
})
