import { fileURLToPath } from 'node:url'
import vue from '@vitejs/plugin-vue'
import { defineConfig } from 'vitest/config'
import { TEST_TODAY, WINDOW } from './tests/clock.ts'

const alias = { '@': fileURLToPath(new URL('./src', import.meta.url)) }

export default defineConfig({
  resolve: { alias },
  test: {
    projects: [
      { resolve: { alias }, test: { name: 'unit', include: ['tests/unit/**/*.test.ts', 'tests/hostile/**/*.test.ts', 'tests/service/**/*.test.ts'], environment: 'node' } },
      {
        plugins: [vue()],
        resolve: { alias },
        define: { __DATA_VERSION__: JSON.stringify('test'), __DATA_DATE__: JSON.stringify(TEST_TODAY), __DATA_WINDOW__: JSON.stringify(WINDOW) },
        test: { name: 'components', include: ['tests/components/**/*.test.ts'], environment: 'happy-dom', setupFiles: ['tests/components/setup.ts'] },
      },
      {
        resolve: { alias },
        test: {
          name: 'e2e',
          include: ['tests/e2e/**/*.test.ts'],
          environment: 'node',
          globalSetup: ['tests/e2e/setup/global.ts'],
          testTimeout: 60_000,
          hookTimeout: 300_000,
          // A browser on a busy 2-core machine: the service worker may take a few seconds.
          expect: { poll: { timeout: 15_000, interval: 100 } },
          fileParallelism: false,
        },
      },
    ],
  },
})
