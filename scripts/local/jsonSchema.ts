import { z } from 'zod'
import { entryShape, LIMITS } from '../../src/domain/local/schema'
import type { Activity } from '../../src/domain/types'

const DESCRIPTIONS: Record<string, string> = {
  activity: '活动目录中的 id（seeds/catalog.yaml），如 kepu-ri = 全国科普日/科普月 · catalogue id of the recurring activity',
  region: '本地区 6 位行政区划代码，须与所在文件夹相同，如 "130283" · region code, same as the folder',
  title: `标题，可省略（默认用活动名称），最多 ${LIMITS.title} 字 · title, defaults to the activity's name`,
  start: '开始日期 YYYY-MM-DD · first day',
  end: '结束日期 YYYY-MM-DD（含当天） · last day, inclusive',
  startTime: '开始时间 HH:MM（北京时间），可省略 · start time, Asia/Shanghai',
  endTime: '结束时间 HH:MM，填了开始时间则必填 · end time',
  venue: '地点名称，如 迁安市科技馆 · venue',
  address: '详细地址 · address',
  organiser: '主办单位 · organiser',
  contact: '联系方式（电话或邮箱），可省略 · contact',
  audience: '面向人群，可省略（默认用活动的） · audience: public youth farmers elderly workers officials',
  description: `活动介绍，最多 ${LIMITS.description} 字 · description`,
  link: '详情链接，只能是 http:// 或 https:// · link (http or https only)',
  status: 'planned = 计划举行；cancelled = 已取消（保留文件，订阅者会看到取消） · planned or cancelled',
  revision: '版本号：新建为 1，每次修改加 1 · revision, up by one per edit',
  updated: '最后修改日期 YYYY-MM-DD，可省略 · date last changed',
  stops: '巡展站点（科普大篷车、流动科技馆）：每站的地点和日期 · tour stops, each with place and dates',
}

/** JSON Schema for editors (seeds/local/entry.schema.json), from the very schema the build uses. */
export function entryJsonSchema(activities: Activity[]): Record<string, unknown> {
  const schema = z.toJSONSchema(entryShape, { io: 'input', unrepresentable: 'any' }) as Record<string, unknown> & {
    properties: Record<string, Record<string, unknown>>
  }
  for (const [key, description] of Object.entries(DESCRIPTIONS)) {
    if (schema.properties[key]) schema.properties[key] = { description, ...schema.properties[key] }
  }
  // Editors then offer the catalogue's ids as you type.
  schema.properties.activity = { ...schema.properties.activity, enum: activities.map((a) => a.id) }
  return { $id: 'https://kepu-calendar/seeds/local/entry.schema.json', title: '科普日历 · 本地活动 (local event entry)', ...schema }
}
