import { mount } from '@vue/test-utils'
import { createPinia, setActivePinia } from 'pinia'
import { beforeEach, describe, expect, it } from 'vitest'
import { createMemoryHistory, createRouter } from 'vue-router'
import CalendarAgenda from '@/components/calendar/CalendarAgenda.vue'
import CalendarMonth from '@/components/calendar/CalendarMonth.vue'
import EventCard from '@/components/event/EventCard.vue'
import { activities, instances } from './fixtures'

const router = createRouter({ history: createMemoryHistory(), routes: [{ path: '/e/:slug', name: 'event', component: { template: '<div/>' } }, { path: '/:p(.*)*', component: { template: '<div/>' } }] })
const activityMap = new Map(activities.map((a) => [a.id, a]))
const names: Record<string, string> = { '000000': '全国', '130200': '唐山市' }
const common = { regionCode: '130200', activities: activityMap, regionName: (c: string) => names[c] ?? c }

beforeEach(() => setActivePinia(createPinia()))

describe('EventCard', () => {
  it.each([
    // Today is the tests' day (late 2026): the 2026 projection has passed, the 2027 one is ahead.
    [instances[0]!, '全国科技活动周', ['日期未核实', '全国']],
    [{ ...instances[0]!, year: 2027, start: '2027-05-22', end: '2027-05-29' }, '全国科技活动周', ['预计', '全国']],
    // A national event 唐山's own document orders: 全国, and said apart that 唐山 deploys it.
    [instances[1]!, '全国科普月', ['全国', '本市文件部署']],
    [instances[2]!, '青少年科技创新大赛', ['本市']],
  ])('%#: shows the title, dates and who holds it', (inst, title, badges) => {
    const w = mount(EventCard, { props: { inst, ...common, activity: activityMap.get(inst.activity) }, global: { plugins: [router] } })
    expect(w.find('h3').text()).toBe(title)
    expect(w.findAll('.badge').map((b) => b.text())).toEqual(badges)
  })

  it('shows organiser text as text, and a cancelled event as cancelled', () => {
    const w = mount(EventCard, { props: { inst: instances[3]!, ...common }, global: { plugins: [router] } })
    expect(w.find('h3').text()).toBe('<img src=x onerror=alert(1)>大篷车')
    expect(w.find('img').exists()).toBe(false)
    expect(w.find('.venue').text()).toBe('<b>村委会</b>')
    expect(w.find('.badge.cancelled').text()).toBe('已取消')
  })
})

describe('CalendarAgenda', () => {
  it('lists what is on now and next by month, then the year’s undated activities', () => {
    const w = mount(CalendarAgenda, { props: { instances, today: '2026-09-15', year: null, ...common }, global: { plugins: [router] } })
    expect(w.findAll('h2').map((h) => h.text())).toEqual(['正在进行', '2026年10月', '日期待公布'])
    expect(w.findAll('section')[0]!.text()).toContain('全国科普月')
  })

  it('a past year shows the whole year by month', () => {
    const w = mount(CalendarAgenda, { props: { instances, today: '2027-03-01', year: 2026, ...common }, global: { plugins: [router] } })
    expect(w.findAll('h2').map((h) => h.text())).toEqual(['2026年5月', '2026年9月', '2026年10月', '日期待公布'])
  })

  it('says so when nothing matches', () => {
    const w = mount(CalendarAgenda, { props: { instances: [], today: '2026-09-15', year: null, ...common }, global: { plugins: [router] } })
    expect(w.find('.empty').text()).toContain('没有符合条件的活动')
  })
})

describe('CalendarMonth', () => {
  const props = { instances, year: 2026, month: 9, today: '2026-09-15', minYear: 2023, maxYear: 2027, ...common }

  it('marks days with events and starts the week on Monday', () => {
    const w = mount(CalendarMonth, { props, global: { plugins: [router] } })
    expect(w.findAll('th').map((t) => t.text())).toEqual(['一', '二', '三', '四', '五', '六', '日'])
    const days = w.findAll('button.day')
    expect(days).toHaveLength(30)
    expect(days.filter((d) => d.classes('has'))).toHaveLength(30)
    expect(w.find('button.day.today').text()).toBe('15')
  })

  it('tapping a day lists its events; moving months asks the parent', async () => {
    const w = mount(CalendarMonth, { props, global: { plugins: [router] } })
    await w.findAll('button.day')[19]!.trigger('click')
    expect(w.find('.day-list h3').text()).toBe('9月20日')
    expect(w.find('.day-list').text()).toContain('全国科普月')
    await w.find('button.next').trigger('click')
    expect(w.emitted('go')).toEqual([[2026, 10]])
  })

  it('cannot go past the window', () => {
    const w = mount(CalendarMonth, { props: { ...props, year: 2027, month: 12 }, global: { plugins: [router] } })
    expect(w.find('button.next').attributes('disabled')).toBeDefined()
    // Its name is the words it shows (WCAG 2.5.3), not another label.
    expect(w.find('button.next').attributes('aria-label')).toBeUndefined()
    expect(w.find('button.next').text()).toContain('下月')
  })
})
