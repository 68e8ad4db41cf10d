import { defineConfig } from 'vite'

// The bare baseline app: same Vite, same target, no plugins beyond what Vue needs at runtime.
export default defineConfig({ build: { target: 'es2020', modulePreload: { polyfill: false } } })
