import vue from '@vitejs/plugin-vue'
import { defineConfig } from 'vite'

// The bare baseline app, built like the app: same Vite, same Vue plugin (and so the same
// compile-time feature flags), same target.
export default defineConfig({ plugins: [vue()], build: { target: 'es2020', modulePreload: { polyfill: false } } })
