import { createRouter, type RouterHistory } from 'vue-router'
import { NATIONAL_CODE } from '@/domain/types'
import { storedRegion } from '@/stores/region'
import CalendarView from '@/views/CalendarView.vue'

/**
 * One router per app: the browser's history on the phone, an in-memory one when region pages are
 * pre-rendered at build time (src/entry-server.ts). The calendar is the first screen and ships in
 * the main bundle; every other view loads on demand.
 */
export function createKepuRouter(history: RouterHistory) {
  return createRouter({
    history,
    routes: [
      { path: '/', redirect: () => `/r/${storedRegion() ?? NATIONAL_CODE}` },
      { path: '/r/:code(\\d{6})', name: 'calendar', component: CalendarView },
      { path: '/r/:code(\\d{6})/subscribe', name: 'subscribe', component: () => import('@/views/SubscribeView.vue') },
      { path: '/r/:code(\\d{6})/poster', name: 'poster', component: () => import('@/views/PosterView.vue') },
      { path: '/e/:slug', name: 'event', component: () => import('@/views/EventView.vue') },
      { path: '/regions', name: 'regions', component: () => import('@/views/RegionsView.vue') },
      { path: '/organizer', name: 'organizer', component: () => import('@/views/OrganizerView.vue') },
      { path: '/organizer/account', name: 'account', component: () => import('@/views/AccountView.vue') },
      { path: '/organizer/review', name: 'review', component: () => import('@/views/ReviewView.vue') },
      { path: '/organizer/documents', name: 'documents', component: () => import('@/views/OrganizerDocumentsView.vue') },
      { path: '/organizer/:id', name: 'organizer-edit', component: () => import('@/views/OrganizerEditView.vue') },
      { path: '/about', name: 'about', component: () => import('@/views/AboutView.vue') },
      { path: '/changes', name: 'changes', component: () => import('@/views/ChangesView.vue') },
      { path: '/:rest(.*)*', name: 'not-found', component: () => import('@/views/NotFoundView.vue') },
    ],
    // A new page starts at the top; a new view of the same page (year, month, list/month) stays put
    // instead of forcing a synchronous layout to jump.
    scrollBehavior: (to, from, saved) => saved ?? (to.path === from.path ? false : { top: 0 }),
  })
}
