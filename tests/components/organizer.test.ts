import { flushPromises, mount } from '@vue/test-utils'
import { createPinia, setActivePinia } from 'pinia'
import { beforeEach, describe, expect, it, vi } from 'vitest'
import { createMemoryHistory, createRouter } from 'vue-router'
import OrganizerView from '@/views/OrganizerView.vue'
import { fakeFetch } from './fixtures'

// The editor's import says every failure on the page, next to the button, never only in the console.
beforeEach(() => {
  setActivePinia(createPinia())
  vi.stubGlobal('fetch', fakeFetch({}))
})

async function importFile(name: string, body: string | Uint8Array<ArrayBuffer>) {
  const router = createRouter({ history: createMemoryHistory(), routes: [{ path: '/organizer', component: OrganizerView }, { path: '/organizer/:id', name: 'organizer-edit', component: OrganizerView }, { path: '/organizer/account', name: 'account', component: OrganizerView }, { path: '/organizer/review', name: 'review', component: OrganizerView }] })
  router.push('/organizer')
  await router.isReady()
  const errors = vi.spyOn(console, 'error')
  const w = mount(OrganizerView, { global: { plugins: [router] } })
  await flushPromises()
  const input = w.find('input[type="file"]')
  Object.defineProperty(input.element, 'files', { value: [new File([body], name)] })
  await input.trigger('change')
  await vi.waitFor(() => expect(w.findAll('[role="alert"]').some((a) => a.text().includes(name))).toBe(true))
  expect(errors).not.toHaveBeenCalled()
  return w.findAll('[role="alert"]').find((a) => a.text().includes(name))!.text()
}

describe('the editor’s import', () => {
  it.each([
    ['bomb.yaml', 'a: &a ["x","x","x","x","x","x","x","x","x"]\nb: &b [*a,*a,*a,*a,*a,*a,*a,*a,*a]\nc: &c [*b,*b,*b,*b,*b,*b,*b,*b,*b]\nd: [*c,*c,*c,*c,*c,*c,*c,*c,*c]\n', '引用（& 和 *）太多'],
    ['stops.yaml', 'activity: kepu-dapengche\nregion: "130283"\nstart: 2026-09-12\nend: 2026-09-12\norganiser: 迁安市科协\nstatus: planned\nrevision: 1\nstops: [~]\n', 'stops.yaml'],
    ['list.yaml', '- a\n- b\n', '不是本地活动文件'],
    ['garbage.yaml', new Uint8Array([0x61, 0x3a, 0x20, 0xff, 0xfe, 0x80, 0x0a]) as Uint8Array<ArrayBuffer>, '无法识别的字节'],
  ])('%s: the failure is on the page', async (name, body, words) => {
    expect(await importFile(name, body)).toContain(words)
  })
})
