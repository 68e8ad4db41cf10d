import { describe, expect, it } from 'vitest'
import { readFileSync } from 'node:fs'
import { root, seed } from '../helpers'

// What each of the five seed documents says, read by hand, pinned here.
interface SeedFacts {
  file: string
  region: [string, string]
  docNumber: string
  issued: string
  year: number
  planTitle: string
  /** [activity id, clause] for every activity the document orders. */
  ordered: [string, string][]
}

const SEEDS: SeedFacts[] = [
  {
    file: '000_0f326916cb300b16.txt',
    region: ['630000', '青海省'],
    docNumber: '青科协发普字〔2023〕4号',
    issued: '2023-03-31',
    year: 2023,
    planTitle: '青海省科协2023年科普工作要点',
    ordered: [
      ['kepu-ri', '四、（三）'],
      ['liudong-kejiguan', '三、（二）'],
      ['liudong-kejiguan', '四、（三）'],
      ['kepu-dapengche', '三、（二）'],
      ['kepu-dapengche', '四、（三）'],
      ['qinghai-qingshaonian-dasai', '三、（五）'],
      ['quanguo-qingnian-kepu-dasai', '三、（五）'],
      ['qinghai-kepu-dajiangtang', '四、（三）'],
      ['qinghai-kepu-jin-simiao', '二、（二）'],
      ['qinghai-kepu-jin-simiao', '四、（二）'],
      ['qinghai-dizhen-kepu', '二、（二）'],
      ['kejiguan-lianhe-xingdong', '三、（二）'],
      ['kexue-suzhi-jingsai', '二、（一）'],
      ['tiangong-ketang', '三、（五）'],
      ['qingshaonian-xialingying', '三、（五）'],
      ['wuxiang-xueke-jingsai', '三、（五）'],
      ['qinghai-shengtai-dajiangtang', '四、（一）'],
      ['wangluo-kepu-jingsai', '四、（三）'],
    ],
  },
  {
    file: '001_fdfd60ea9a7d59a6.txt',
    region: ['220000', '吉林省'],
    docNumber: '吉科协发普字〔2023〕2号',
    issued: '2023-04-10',
    year: 2023,
    planTitle: '吉林省科协2023年科普工作要点',
    ordered: [
      ['kepu-ri', '一、（二）'],
      ['jilin-kepu-zhou', '一、（二）'],
      ['keji-huodong-zhou', '一、（二）'],
      ['fangzai-jianzai-ri', '一、（二）'],
      ['san-xia-xiang', '一、（二）'],
      ['shipin-anquan-zhou', '一、（二）'],
      ['wangluo-anquan-zhou', '一、（二）'],
      ['shuangchuang-zhou', '一、（二）'],
      ['quanguo-ditan-ri', '一、（二）'],
      ['shijie-huanjing-ri', '一、（二）'],
      ['kepu-dapengche', '三、（五）'],
      ['liudong-kejiguan', '三、（五）'],
      ['jilin-keji-zhi-dong', '三、（七）'],
      ['jilin-nongbohui-daji', '三、（七）'],
      ['jilin-nongmin-jingsai', '三、（七）'],
      ['gaoxiao-kexueying', '三、（六）'],
      ['wuxiang-xueke-jingsai', '三、（六）'],
      ['chuangxin-fangfa-dasai', '二、（二）'],
      ['zhihui-xingdong', '三、（三）'],
      ['keji-zhiyuan-jin-shequ', '三、（四）'],
      ['changguan-zhiyuan-lianhe-xingdong', '三、（五）'],
      ['kexuejia-jingshen-jin-xiaoyuan', '一、（三）'],
    ],
  },
  {
    file: '002_49ac75adaf9f7ba7.txt',
    region: ['430000', '湖南省'],
    docNumber: '湘科协通〔2023〕10号',
    issued: '2023-03-10',
    year: 2023,
    planTitle: '湖南省科协2023年科普工作要点',
    ordered: [
      ['kepu-ri', '5.'],
      ['keji-huodong-zhou', '5.'],
      ['hunan-qingshaonian-dasai', '6.'],
      ['hunan-qingshaonian-jiqiren', '6.'],
      ['gaoxiao-kexueying', '6.'],
      ['quanguo-qingshaonian-dasai', '6.'],
      ['liudong-kejiguan', '8.'],
      ['kepu-dapengche', '8.'],
      ['hunan-jiceng-kepu-yunluntan', '12.'],
    ],
  },
  {
    file: '003_841b45b980830f5f.txt',
    region: ['130200', '唐山市'],
    docNumber: '唐全科字〔2023〕1号',
    issued: '2023-03-30',
    year: 2023,
    planTitle: '2023年唐山市全民科学素质行动工作要点',
    ordered: [
      ['kepu-ri', '16.'],
      ['keji-huodong-zhou', '16.'],
      ['keji-gongzuozhe-ri', '3.'],
      ['keji-gongzuozhe-ri', '16.'],
      ['liudong-kejiguan', '7.'],
      ['kepu-dapengche', '7.'],
      ['shijie-diqiu-ri', '16.'],
      ['shijie-huanjing-ri', '16.'],
      ['shijie-qixiang-ri', '16.'],
      ['quanguo-ditan-ri', '16.'],
      ['quanguo-tudi-ri', '16.'],
      ['zhongguo-hangtian-ri', '16.'],
      ['shipin-anquan-zhou', '16.'],
      ['san-xia-xiang', '16.'],
      ['laonian-jiankang-zhou', '12.'],
      ['jiankang-dajiangtang', '12.'],
      ['tangshan-jiankang-zhongguo', '12.'],
      ['qingshaonian-dasai', '4.'],
      ['qingshaonian-jiqiren', '4.'],
      ['kechuang-zhumeng', '4.'],
      ['kepu-jin-xiaoyuan', '4.'],
      ['nongmin-kexue-suzhi-jingsai', '6.'],
      ['laomo-gongjiang-jin-xiaoyuan', '8.'],
      ['chuangxin-fangfa-dasai', '11.'],
    ],
  },
  {
    file: '004_08a855d03f2fc296.txt',
    region: ['620000', '甘肃省'],
    docNumber: '甘科才〔2023〕1号',
    issued: '2023-02-01',
    year: 2023,
    planTitle: '甘肃省关于新时代进一步加强科学技术普及工作的若干措施',
    ordered: [
      ['keji-huodong-zhou', '二、（六）'],
      ['kepu-ri', '二、（六）'],
      ['san-xia-xiang', '二、（六）'],
      ['gansu-zhongxiaoxue-kepu-jingsai', '四、（十四）'],
      ['tiaozhanbei', '四、（十四）'],
      ['qiye-kepu-dajiangtang', '四、（十六）'],
    ],
  },
]

describe.each(SEEDS)('seed $file', (s) => {
  const result = seed(s.file)
  const doc = result.document!

  it('is read without warnings', () => {
    expect(result.problems).toEqual([])
  })

  it('places its issuer, 文号, date and year', () => {
    expect([doc.regionCode, doc.regionName]).toEqual(s.region)
    expect(doc.docNumber).toBe(s.docNumber)
    expect(doc.issued).toBe(s.issued)
    expect(doc.year).toBe(s.year)
    expect(doc.planTitle).toBe(s.planTitle)
  })

  it.each(s.ordered)('orders %s in clause %s', (activity, clause) => {
    const hit = result.mentions.find((m) => m.activity === activity && m.clause === clause)
    expect(hit, `${activity} in ${clause}`).toBeDefined()
    expect(hit!.quote).toContain(hit!.matched.replace(/^第\d+届/, '').slice(0, 4))
  })

  it('names no activity the table does not expect', () => {
    const expected = new Set(s.ordered.map(([a]) => a))
    expect([...new Set(result.mentions.map((m) => m.activity))].filter((a) => !expected.has(a))).toEqual([])
  })
})

describe('mention anchors', () => {
  it('quotes the sentence and points at the real offset and line of the file', () => {
    const r = seed('003_841b45b980830f5f.txt')
    const m = r.mentions.find((x) => x.activity === 'keji-gongzuozhe-ri' && x.clause === '3.')!
    expect(m.quote).toBe('举办“全国科技工作者日”河北省主场活动。')
    expect(m.clauseTitle).toBe('大力弘扬科学精神和科学家精神')
    expect(m.line).toBe(31)
    const raw = readFileSync(`${root}tests/fixtures/seeds/003_841b45b980830f5f.txt`, 'utf8')
    expect(raw.slice(m.offset, m.offset + m.matched.length)).toBe(m.matched)
  })

  it('joins a name broken across lines (科\\n\\n普大篷车) and keeps its clause', () => {
    const r = seed('002_49ac75adaf9f7ba7.txt')
    const quotes = r.mentions.filter((m) => m.activity === 'kepu-dapengche').map((m) => m.quote)
    expect(quotes.some((q) => q.includes('科普大篷车行程不低于10万公里'))).toBe(true)
  })

  it('reads editions: 第38届 and 第 44 届 (with stray spaces)', () => {
    const qh = seed('000_0f326916cb300b16.txt').mentions.find((m) => m.activity === 'qinghai-qingshaonian-dasai')!
    expect([qh.matched, qh.edition]).toEqual(['第38届青海省青少年科技创新大赛', 38])
    const hn = seed('002_49ac75adaf9f7ba7.txt').mentions.find((m) => m.activity === 'hunan-qingshaonian-dasai')!
    expect(hn.edition).toBe(44)
    const nine = seed('000_0f326916cb300b16.txt').mentions.find((m) => m.activity === 'quanguo-qingnian-kepu-dasai')!
    expect(nine.edition).toBe(9)
  })

  it('reports activity-like names the catalogue lacks, with their quote', () => {
    const r = seed('003_841b45b980830f5f.txt')
    expect(r.candidates.map((c) => c.name)).toContain('“智慧蓝领”行动')
    expect(r.candidates.find((c) => c.name === '“智慧蓝领”行动')!.clause).toBe('11.')
  })
})
