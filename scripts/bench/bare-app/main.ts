/* eslint-disable vue/one-component-per-file -- the whole baseline app is one file on purpose */
// The baseline for "first-screen transfer": Vue + vue-router + pinia and nothing else, built with
// the same toolchain as the app.
import { createPinia, defineStore } from 'pinia'
import { createApp, defineComponent, h } from 'vue'
import { createRouter, createWebHistory, RouterView } from 'vue-router'

const useCounter = defineStore('counter', { state: () => ({ n: 0 }) })
const Home = defineComponent({ setup: () => () => h('h1', `Hello ${useCounter().n}`) })
const router = createRouter({ history: createWebHistory(), routes: [{ path: '/', component: Home }] })
createApp({ render: () => h(RouterView) }).use(createPinia()).use(router).mount('#app')
