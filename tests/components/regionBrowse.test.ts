import { mount } from '@vue/test-utils'
import { describe, expect, it } from 'vitest'
import RegionBrowse from '@/components/region/RegionBrowse.vue'
import { RegionIndex } from '@/domain/regions'
import { loadRegions } from '../../scripts/regions/load'

const regions = new RegionIndex(loadRegions())
const buttons = (w: ReturnType<typeof mount>) => w.findAll('button').map((b) => b.text().replace(/\s+/g, ''))

describe('browsing the country', () => {
  it('goes province → city → county, each step saying where it leads, and any level opens its calendar', async () => {
    const w = mount(RegionBrowse, { props: { regions } })
    expect(w.find('h2').text()).toBe('或按省份浏览')
    expect(buttons(w)).toContain('河北省›')
    await w.findAll('button').find((b) => b.text().startsWith('河北省'))!.trigger('click')
    expect(w.find('h2').text()).toBe('河北省下辖的市（州、盟）')
    expect(buttons(w)).toContain('唐山市›')
    expect(w.emitted('pick')).toBeUndefined()
    await w.findAll('button').find((b) => b.text().startsWith('唐山市'))!.trigger('click')
    expect(w.find('h2').text()).toBe('唐山市下辖的区县')
    expect(buttons(w)).toContain('‹返回河北省')
    // A county has nothing below it: choosing it opens its calendar.
    await w.findAll('button').find((b) => b.text() === '迁安市')!.trigger('click')
    expect(w.emitted('pick')![0]![0]).toMatchObject({ code: '130283' })
    // The city's own calendar, from its step.
    await w.findAll('button').find((b) => b.text() === '打开唐山市的日历')!.trigger('click')
    expect(w.emitted('pick')![1]![0]).toMatchObject({ code: '130200' })
    await w.findAll('button').find((b) => b.text() === '‹ 返回河北省')!.trigger('click')
    expect(w.find('h2').text()).toBe('河北省下辖的市（州、盟）')
  })

  it('a municipality lists its districts', async () => {
    const w = mount(RegionBrowse, { props: { regions } })
    await w.findAll('button').find((b) => b.text().startsWith('北京市'))!.trigger('click')
    expect(w.find('h2').text()).toBe('北京市下辖的区县')
    expect(buttons(w)).toContain('东城区')
  })
})
