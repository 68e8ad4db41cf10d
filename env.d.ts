/// <reference types="vite/client" />
/// <reference types="vite-plugin-pwa/vue" />

/** The dataset version this build of the app reads (data/<version>/). */
declare const __DATA_VERSION__: string
/** The years every calendar covers. */
declare const __DATA_WINDOW__: { from: number; to: number }
/** The date shown as 数据更新于. */
declare const __DATA_DATE__: string
