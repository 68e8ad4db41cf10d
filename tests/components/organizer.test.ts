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

describe('what became of each submission', () => {
  it('says waiting, published, or returned with the reviewer’s reason, next to each draft', async () => {
    const form = { activity: 'kepu-ri', region: '130283', title: '', start: '2027-09-18', end: '2027-09-18', organiser: '迁安市科协', status: 'planned', revision: 1 }
    const drafts = [
      { id: 'a', fileId: 'a', form: { ...form, title: '等待中' }, baseRevision: null, updatedAt: 3, submitted: { id: 1, at: 1 } },
      { id: 'b', fileId: 'b', form: { ...form, title: '已通过' }, baseRevision: null, updatedAt: 2, submitted: { id: 2, at: 1 } },
      { id: 'c', fileId: 'c', form: { ...form, title: '被退回' }, baseRevision: null, updatedAt: 1, submitted: { id: 3, at: 1 } },
    ]
    const { useDraftsStore } = await import('@/stores/drafts')
    const store = useDraftsStore()
    store.load = async () => void (store.list = drafts as never)
    vi.stubGlobal(
      'fetch',
      fakeFetch({
        '/api/session': { user: { id: 3, name: '迁安编辑', role: 'editor', region: '130283', regionName: '迁安市' }, csrf: 'c' },
        '/api/published': { entries: [] },
        '/api/submissions': {
          submissions: [
            { id: 1, region: '130283', entry_id: 'a', revision: 1, state: 'pending', reason: null },
            { id: 2, region: '130283', entry_id: 'b', revision: 1, state: 'approved', reason: null },
            { id: 3, region: '130283', entry_id: 'c', revision: 1, state: 'rejected', reason: '请写明活动地点' },
          ],
        },
      }),
    )
    const router = createRouter({ history: createMemoryHistory(), routes: [{ path: '/organizer', component: OrganizerView }, { path: '/organizer/:id', name: 'organizer-edit', component: OrganizerView }, { path: '/organizer/account', name: 'account', component: OrganizerView }, { path: '/organizer/review', name: 'review', component: OrganizerView }, { path: '/organizer/documents', name: 'documents', component: OrganizerView }] })
    router.push('/organizer')
    await router.isReady()
    const w = mount(OrganizerView, { global: { plugins: [router] } })
    await vi.waitFor(() => expect(w.text()).toContain('未通过审核：请写明活动地点'))
    const standing = w.findAll('.standing').map((s) => s.text())
    expect(standing[0]).toMatch(/已提交审核，等待审核/)
    expect(standing[1]).toMatch(/已通过，已发布到日历和订阅/)
    expect(standing[2]).toMatch(/未通过审核：请写明活动地点/)
  })
})
