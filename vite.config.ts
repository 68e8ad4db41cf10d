import { existsSync, readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { fileURLToPath, URL } from 'node:url'
import vue from '@vitejs/plugin-vue'
import { build, defineConfig, type Plugin, type UserConfig } from 'vite'
import { VitePWA } from 'vite-plugin-pwa'
import { CACHES } from './src/domain/format.ts'

// The app is built against one dataset version: data/<version>/ is immutable, so old code never
// reads new data and new code never reads old data.
// KEPU_PUBLIC_DIR lets tests build from a dataset of their own without touching public/.
const publicDir = process.env.KEPU_PUBLIC_DIR ?? fileURLToPath(new URL('./public', import.meta.url))

/** A region's page, pre-rendered: served by its own route in the service worker, not the shell. */
const REGION_PAGE = /^\/r\/\d{6}$/

function dataPointer(): { version: string; dataDate: string; window: { from: number; to: number } } {
  const file = `${publicDir}/data/latest.json`
  if (!existsSync(file)) throw new Error('public/data/latest.json is missing: run `npm run data` first (npm run build does).')
  return JSON.parse(readFileSync(file, 'utf8'))
}

/**
 * The embeddable widget (embed.html, served at /embed/<code> for county and school sites) is built
 * on its own after the app: it shares no chunk with the app, so it never loads Vue, and stays a few
 * KB. The service worker does not precache it (it runs on other sites' pages).
 */
function embedWidget(shared: Pick<UserConfig, 'resolve' | 'define'>): Plugin {
  let outDir = ''
  return {
    name: 'kepu-embed-widget',
    apply: 'build',
    configResolved: (c) => void (outDir = c.build.outDir),
    async closeBundle() {
      await build({
        ...shared,
        configFile: false,
        publicDir: false,
        logLevel: 'warn',
        build: { outDir, emptyOutDir: false, target: 'es2020', modulePreload: { polyfill: false }, rolldownOptions: { input: 'embed.html' } },
      })
    },
  }
}

/**
 * Every region's page pre-rendered (scripts/prerender.ts) once the app and the widget are built:
 * the pages are made from the built index.html and its assets. Then the hosts' _headers and
 * _redirects (scripts/deploy/hostRules.ts).
 */
function prerenderPages(): Plugin {
  let outDir = ''
  return {
    name: 'kepu-prerender',
    apply: 'build',
    configResolved: (c) => void (outDir = c.build.outDir),
    closeBundle: {
      sequential: true,
      order: 'post',
      async handler() {
        const { prerender } = await import('./scripts/prerender.ts')
        const r = await prerender(outDir)
        this.environment.logger.info(`pre-rendered ${r.pages} region pages (${(r.bytes / 2 ** 20).toFixed(1)} MB) in ${(r.ms / 1000).toFixed(1)} s`)
        // The static hosts' own rules (Cloudflare Pages, Netlify), from the same ones npm run serve applies.
        const { headersFile, hostFromEnv, redirectsFile } = await import('./scripts/deploy/hostRules.ts')
        writeFileSync(join(outDir, '_headers'), headersFile(hostFromEnv()))
        writeFileSync(join(outDir, '_redirects'), redirectsFile(hostFromEnv()))
      },
    },
  }
}

export default defineConfig(({ isSsrBuild }) => {
  const data = dataPointer()
  const shared = {
    resolve: { alias: { '@': fileURLToPath(new URL('./src', import.meta.url)) } },
    define: {
      __DATA_VERSION__: JSON.stringify(data.version),
      __DATA_DATE__: JSON.stringify(data.dataDate),
      __DATA_WINDOW__: JSON.stringify(data.window),
    },
  }
  return {
    publicDir,
    ...shared,
    build: {
      // No inline scripts: the Content-Security-Policy allows none.
      modulePreload: {
        polyfill: false,
        // The app (src/boot.ts) comes with its imports at once; a lazy view fetches its own imports
        // when opened (the service worker has them by then). This keeps a list of every chunk out
        // of the first-screen script.
        resolveDependencies: (file, deps, { hostType }) => (hostType === 'html' || /(^|\/)boot-[\w-]+\.js$/.test(file) ? deps : []),
      },
      // One stylesheet, in the page: a pre-rendered page is drawn by it before any script runs, so
      // the styles of the components it shows cannot wait for their scripts.
      cssCodeSplit: false,
      target: 'es2020',
      rolldownOptions: {
        // Pre-rendering every region page is the build's own work, done in closeBundle on purpose
        // (scripts/prerender.ts): its time is expected, not a slow plugin to warn about.
        checks: { bundlerTimings: false },
        output: {
          // Two shared chunks instead of many small ones: the framework (with Vue's export helper),
          // and the domain helpers and data access every view uses. Fewer files, less per-file
          // overhead on a weak network. Vite's preload helper stays in the entry, which would
          // otherwise load the framework before the page is painted.
          codeSplitting: {
            groups: [
              { name: 'framework', test: /node_modules[\\/](vue|@vue|vue-router|pinia)[\\/]|export-helper/ },
              { name: 'domain', test: /src[\\/](domain[\\/](types|dates|labels|uid|feeds)|composables[\\/](today|dataUrl|network|online))\.ts$/ },
            ],
          },
        },
      },
    },
    plugins: [
      vue(),
      // The server-side build (the pre-renderer's) is only the app's components.
      ...(isSsrBuild ? [] : [embedWidget(shared), prerenderPages()]),
      VitePWA({
        registerType: 'prompt',
        injectRegister: false,
        includeAssets: ['favicon.svg', 'icons/*.png'],
        manifest: {
          id: '/',
          name: '科普日历',
          short_name: '科普日历',
          description: '全国各地科普活动日历：科普日（科普月）、科技活动周、防灾减灾日……附文件依据，可离线、可订阅。',
          lang: 'zh-CN',
          start_url: '/',
          scope: '/',
          display: 'standalone',
          background_color: '#f6f8f7',
          theme_color: '#0b6e69',
          categories: ['education', 'lifestyle'],
          icons: [
            { src: '/icons/icon-192.png', sizes: '192x192', type: 'image/png' },
            { src: '/icons/icon-512.png', sizes: '512x512', type: 'image/png' },
            { src: '/icons/maskable-512.png', sizes: '512x512', type: 'image/png', purpose: 'maskable' },
          ],
        },
        workbox: {
          // The shell is precached; region data is cached as the person views it.
          globPatterns: ['**/*.{js,css,html,svg,png,webmanifest}'],
          // The widget runs on other sites' pages, never in the app: not precached. Nor are the
          // 3,000 pre-rendered region pages: a region's page is cached when visited (below).
          globIgnores: ['data/**', 'feeds/**', 'r/**', 'embed.html', 'embed.js', 'assets/embed-*'],
          navigateFallback: 'index.html',
          navigateFallbackDenylist: [/^\/data\//, /^\/feeds\//, /^\/embed\//, REGION_PAGE],
          cleanupOutdatedCaches: true,
          // On the first visit the worker takes the page at once, so the region being viewed is cached.
          clientsClaim: true,
          runtimeCaching: [
            {
              // A region's pre-rendered page: from the network while it answers (it is the newest),
              // from the cache when offline or after 4 s, and the shell when neither has it. The
              // page a visit arrived on before the worker was there is stored by the app itself
              // (recacheFetched in src/composables/dataUrl.ts).
              urlPattern: ({ request, url }) => request.mode === 'navigate' && /^\/r\/\d{6}$/.test(url.pathname),
              handler: 'NetworkFirst',
              options: {
                cacheName: CACHES.pages,
                networkTimeoutSeconds: 4,
                // /r/130200?view=month is the same page: the app reads the query.
                matchOptions: { ignoreSearch: true },
                expiration: { maxEntries: 50, purgeOnQuotaError: true },
                cacheableResponse: { statuses: [200] },
                plugins: [
                  {
                    // A page from an older build names scripts the new one no longer has: unusable.
                    // (Runs in the service worker: no imports, only what it has.)
                    cachedResponseWillBeUsed: async ({ cachedResponse }) => {
                      if (!cachedResponse) return null
                      const script = /<script type="module"[^>]* src="([^"]+)"/.exec(await cachedResponse.clone().text())?.[1]
                      return script && (await caches.match(script)) ? cachedResponse : null
                    },
                    handlerDidError: async () => (await caches.match('/index.html', { ignoreSearch: true })) ?? Response.error(),
                  },
                ],
              },
            },
            {
              // data/<version>/… never changes once written: cache first, for good. Any version:
              // the app follows newer datasets the organiser service publishes (dataUrl.ts).
              urlPattern: /\/data\/[0-9a-f]{12}\//,
              handler: 'CacheFirst',
              options: {
                cacheName: CACHES.data,
                expiration: { maxEntries: 600, purgeOnQuotaError: true },
                cacheableResponse: { statuses: [200] },
              },
            },
          ],
        },
      }),
    ],
  }
})
