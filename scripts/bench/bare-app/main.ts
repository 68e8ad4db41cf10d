/* eslint-disable vue/one-component-per-file -- the whole baseline app is one file on purpose */
// The baseline for "first-screen transfer" and for Lighthouse: Vue + vue-router + pinia and
// nothing else, built with the same toolchain as the app.
import { createPinia, defineStore } from 'pinia'
import { createApp, defineComponent, h } from 'vue'
import { createRouter, createWebHistory, RouterView } from 'vue-router'

const useCounter = defineStore('counter', { state: () => ({ n: 0 }) })
// A heading and twelve list items, as in the comparison the performance issue reported.
const Home = defineComponent({
  setup: () => () => [h('h1', `Hello ${useCounter().n}`), h('ul', Array.from({ length: 12 }, (_, i) => h('li', `Item ${i + 1}`)))],
})
const router = createRouter({ history: createWebHistory(), routes: [{ path: '/', component: Home }] })
createApp({ render: () => h(RouterView) }).use(createPinia()).use(router).mount('#app')
