import { describe, expect, it } from 'vitest'
import { extract, notice } from '../helpers'

const activities = (body: string) => extract(notice(body)).mentions.map((m) => m.activity)

describe('a word is not an activity', () => {
  it.each([
    ['防灾减灾 as a theme is not 防灾减灾日', '围绕生命健康、防灾减灾、碳达峰等主题开展科普宣传。', []],
    ['防灾减灾日 is the day', '组织开展防灾减灾日科普活动。', ['fangzai-jianzai-ri']],
    ['防灾减灾宣传周 is the week, not also the day', '开展防灾减灾宣传周活动。', ['fangzai-jianzai-zhou']],
    ['全国科普日暨吉林省科普周 is two activities', '深入开展全国科普日暨吉林省科普周活动。', ['kepu-ri', 'jilin-kepu-zhou']],
    ['科普日 alone (甘肃) is 全国科普日', '持续开展全国科技活动周、科普日等活动。', ['keji-huodong-zhou', 'kepu-ri']],
    ['科普日常化 is not 科普日', '推动科普日常化、生活化。', []],
    ['a quoted brand is its activity', '持续开展“科普大篷车万里行”联合行动。', ['kepu-dapengche']],
    ['a regulation title is not the contest', '认真贯彻执行《全国中学生五项学科竞赛管理条例》。', []],
    ['全国科普月 (2025 on) is the same series', '组织好全国科普月活动。', ['kepu-ri']],
  ])('%s', (_name, body, expected) => {
    expect(activities(body)).toEqual(expected)
  })

  it('第38届青海省青少年科技创新大赛 is edition 38 of the provincial series, not the generic one', () => {
    const m = extract(notice('举办第38届青海省青少年科技创新大赛。', '青海省科学技术协会', '青科协发普字〔2024〕2号')).mentions
    expect(m.map((x) => [x.activity, x.edition])).toEqual([['qinghai-qingshaonian-dasai', 38]])
  })

  it('第三十九届 in Chinese numerals is an edition too', () => {
    const m = extract(notice('举办第三十九届青海省青少年科技创新大赛。')).mentions
    expect(m[0]!.edition).toBe(39)
  })
})

describe('text as it really arrives', () => {
  it('reads traditional characters', () => {
    const m = extract(notice('持續開展全國科普日、科技活動周和防災減災日活動。')).mentions
    expect(m.map((x) => x.activity)).toEqual(['kepu-ri', 'keji-huodong-zhou', 'fangzai-jianzai-ri'])
  })

  it('reads full-width digits and stray spaces inside names', () => {
    const m = extract(notice('举办第４４届湖南省青少年科技 创新大赛和全国 科普日。')).mentions
    expect(m.map((x) => [x.activity, x.edition ?? null])).toEqual([
      ['hunan-qingshaonian-dasai', 44],
      ['kepu-ri', null],
    ])
  })

  it('reads GB18030 files', () => {
    // 全国科普日 in GB18030 inside an otherwise ASCII-safe notice.
    const gb = gb18030(notice('组织全国科普日活动。'))
    const r = extract(gb, 'gb.txt')
    expect(r.document!.encoding).toBe('gb18030')
    expect(r.mentions.map((m) => m.activity)).toEqual(['kepu-ri'])
  })

  it('reads a document cut off mid-sentence', () => {
    const r = extract(notice('组织开展全国科技活动周、防灾减灾日和科普大'))
    expect(r.mentions.map((m) => m.activity)).toEqual(['keji-huodong-zhou', 'fangzai-jianzai-ri'])
  })
})

describe('bad files', () => {
  it.each([
    ['an empty file', new Uint8Array(), '文件为空'],
    ['a binary file', new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0, 0, 0, 13, 0x49, 0x48]), '二进制'],
    ['a blank file', new TextEncoder().encode('  \n\n  '), '空白'],
    ['a file with no Chinese', new TextEncoder().encode('hello world'), '没有中文'],
  ])('%s is skipped with a warning naming the file and why', (_name, bytes, reason) => {
    const r = extract(bytes, 'bad.txt')
    expect(r.document).toBeNull()
    expect(r.problems).toHaveLength(1)
    expect(r.problems[0]!.file).toBe('bad.txt')
    expect(r.problems[0]!.message).toContain(reason)
  })

  it('a document whose region cannot be found is kept, with a warning', () => {
    const r = extract('某某单位文件\n\n关于开展全国科普日活动的通知\n\n组织开展全国科普日活动。\n\n2024年8月1日\n', 'nowhere.txt')
    expect(r.document!.regionCode).toBeNull()
    expect(r.problems.map((p) => p.field)).toContain('region')
    expect(r.problems.find((p) => p.field === 'region')!.message).toContain('找不到发文地区')
  })
})

// Minimal GB18030 encoder for the test: the few characters the notice uses, via the decoder's table.
function gb18030(text: string): Uint8Array {
  const decoder = new TextDecoder('gb18030')
  const table = new Map<string, number[]>()
  for (let hi = 0x81; hi <= 0xfe; hi++)
    for (let lo = 0x40; lo <= 0xfe; lo++) {
      const ch = decoder.decode(new Uint8Array([hi, lo]))
      if (ch.length === 1 && !table.has(ch)) table.set(ch, [hi, lo])
    }
  const out: number[] = []
  for (const ch of text) {
    const code = ch.charCodeAt(0)
    if (code < 0x80) out.push(code)
    else {
      const bytes = table.get(ch)
      if (!bytes) throw new Error(`no GB18030 two-byte form for ${ch}`)
      out.push(...bytes)
    }
  }
  return new Uint8Array(out)
}
