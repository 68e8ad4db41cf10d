import { mount } from '@vue/test-utils'
import type { Component } from 'vue'
import { createMemoryHistory, createRouter, type RouteRecordRaw } from 'vue-router'
import { publishedCalendar } from '@/domain/calendar'
import type { Activity, Instance, RegionData } from '@/domain/types'

export const activities: Activity[] = [
  { id: 'kepu-ri', name: '全国科普日', aliases: ['全国科普日'], kind: 'month', audience: ['public'], owner: 'national' },
  { id: 'keji-huodong-zhou', name: '全国科技活动周', aliases: ['科技活动周'], kind: 'week', audience: ['public'], owner: 'national' },
  { id: 'qingshaonian-dasai', name: '青少年科技创新大赛', aliases: ['青少年科技创新大赛'], kind: 'contest', audience: ['youth'], owner: 'issuer' },
  { id: 'kepu-dapengche', name: '科普大篷车巡展', aliases: ['科普大篷车'], kind: 'tour', audience: ['public', 'farmers'], owner: 'issuer' },
]

const base: Pick<Instance, 'sequence' | 'sources' | 'audience'> = { sequence: 1, sources: [], audience: ['public'] }

export const instances: Instance[] = [
  { ...base, uid: 'keji-huodong-zhou.000000.2026@kepu-calendar', activity: 'keji-huodong-zhou', kind: 'week', region: '000000', year: 2026, title: '全国科技活动周', start: '2026-05-23', end: '2026-05-30', basis: 'rule', status: 'tentative', audience: ['public'], sources: [{ type: 'rule', text: '每年5月第三周' }] },
  {
    ...base,
    uid: 'kepu-ri.000000.2026@kepu-calendar',
    activity: 'kepu-ri',
    kind: 'month',
    region: '130200',
    year: 2026,
    title: '全国科普月',
    start: '2026-09-01',
    end: '2026-09-30',
    basis: 'official',
    status: 'confirmed',
    audience: ['public'],
    sources: [
      { type: 'document', document: 'd', docNumber: '唐全科字〔2026〕1号', title: '《2026年唐山市全民科学素质行动工作要点》', regionName: '唐山市', clause: '16.', quote: '组织开展全国科普月活动。' },
      { type: 'official', text: '《中华人民共和国科学技术普及法》' },
    ],
  },
  { ...base, uid: 'qingshaonian-dasai.130200.2026@kepu-calendar', activity: 'qingshaonian-dasai', kind: 'contest', region: '130200', year: 2026, title: '青少年科技创新大赛', start: null, end: null, basis: null, status: 'undated', audience: ['youth'] },
  {
    ...base,
    uid: 'local.130200.dapengche@kepu-calendar',
    activity: 'kepu-dapengche',
    kind: 'tour',
    region: '130200',
    year: 2026,
    title: '<img src=x onerror=alert(1)>大篷车',
    start: '2026-10-10',
    end: '2026-10-12',
    basis: 'local',
    status: 'cancelled',
    audience: ['public'],
    local: { venue: '<b>村委会</b>', link: 'javascript:alert(1)', description: '第一行\n第二行' },
    sources: [{ type: 'local', file: 'seeds/local/130200/dapengche.yaml', revision: 2 }],
  },
]

export const tangshan: RegionData = {
  region: { code: '130200', name: '唐山市', level: 'city', parent: '130000' },
  path: [
    { code: '000000', name: '全国', level: 'national', parent: null },
    { code: '130000', name: '河北省', level: 'province', parent: '000000' },
    { code: '130200', name: '唐山市', level: 'city', parent: '130000' },
  ],
  instances,
}

export const index = { dataDate: '2026-11-23', window: { from: 2023, to: 2027 }, siteUrl: 'https://x', activities, documents: [] }

/** fetch() that answers the data files the views ask for. */
export function fakeFetch(files: Record<string, unknown>) {
  return async (url: string) => {
    const key = Object.keys(files).find((k) => String(url).endsWith(k))
    if (!key) return new Response('not found', { status: 404 })
    return new Response(JSON.stringify(files[key]), { status: 200, headers: { 'Content-Type': 'application/json' } })
  }
}

/**
 * The files the pipeline publishes for a calendar: for each region of its path, r/ with its own
 * events (without sources) and s/ with their sources.
 */
export function regionFiles(cal: RegionData): Record<string, unknown> {
  const files: Record<string, unknown> = {}
  cal.path.forEach((region, at) => {
    const mine = cal.instances.filter((i) => i.region === region.code)
    const { listed, sources } = publishedCalendar({ region, path: cal.path.slice(0, at + 1), instances: mine })
    files[`r/${region.code}.json`] = listed
    if (mine.length) files[`s/${region.code}.json`] = sources
  })
  return files
}

/** A route that renders nothing: the links a view makes to other pages need their names to exist. */
export const elsewhere = { template: '<div/>' }

/** `component` mounted at `path`, under a memory router of `routes`. */
export async function mountAt(component: Component, path: string, routes: RouteRecordRaw[]) {
  const router = createRouter({ history: createMemoryHistory(), routes })
  router.push(path)
  await router.isReady()
  return { router, wrapper: mount(component, { global: { plugins: [router] } }) }
}
