import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { readDocument } from '../../../scripts/extract/read'
import { parseSidecar } from '../../../scripts/extract/sidecar'
import { findStatedDates } from '../../../scripts/extract/statedDates'
import { extractDocument } from '../../../scripts/extract/document'
import { extract, matcher, names, regions, root, runData } from '../helpers'

// Rules of the genre, each on a text made for it: real documents look like this, whoever wrote them.
const doc = (text: string) => extract(text).document!

describe('noise in copied pages', () => {
  it('drops pinyin glosses a mirror inserted, and runs of ? for lost characters', () => {
    const r = extract('全椒縣舉辦2021年全國科普日主場活動\n來源:全椒縣科協(xié) | 發(fā)布時間:2021-09-15 16:07:11\n? ? ? ?9月14日上午,全椒縣全國科普日主場活動在縣文化館廣場舉行。')
    expect(r.mentions[0]!.quote).not.toMatch(/xié|fā|\?/)
    expect(r.document!.regionCode).toBe('341124')
  })

  it('drops bidirectional control characters, so a quote reads as it shows', () => {
    expect(extract('唐山市科协关于开展全国科普日活动的通知\n组织开展\u202e全国科普日\u202c活动。').mentions[0]!.quote).not.toMatch(/[\u202a-\u202e]/)
  })

  it('reads Kangxi radicals a PDF font maps text to (⽇ for 日)', () => {
    expect(extract('2022年全國科普⽇福建省主場活動啟動\n9⽉14⽇⾄21⽇期間,全國科普⽇集中示範活動將在全省各地同時開展。').mentions.find((m) => m.stated)?.stated).toMatchObject({ start: '2022-09-14', end: '2022-09-21' })
  })
})

describe('header facts', () => {
  it('an 索引号 is no date; the 公文生成日期 is', () => {
    const d = doc('• 索 引 号: SM00105-08-2024-00011\n• 发布机构: 三明市科学技术局\n• 公文生成日期: 2024-05-09\n关于举办2024年三明市科技活动周的通知\n各县(市、区)科技局:\n  现将有关事项通知如下。')
    expect([d.issued, d.year]).toEqual(['2024-05-09', 2024])
  })

  it('a 文号 on its own line is the document’s; one it cites is not, nor title words run into it', () => {
    const d = doc('湖北省科学技术协会办公室关于开展2024年科技活动周的通知鄂科协办〔2024〕15号\n各市州科协：\n根据《科技部关于举办2024年全国科技活动周的通知》（国科发才〔2024〕31号）要求，现通知如下。')
    expect(d.docNumber).toBe('鄂科协办〔2024〕15号')
    const cited = doc('县人民政府办公室关于印发全民科学素质行动实施方案的通知\n各乡镇：\n根据《国务院关于印发全民科学素质行动规划纲要（2021—2035年）的通知》（国发〔2021〕9号），现印发给你们。')
    expect(cited.docNumber).toBeNull()
  })

  it.each([
    ['关于印发《XX县全民科学素质行动实施方案（2021—2025年）》的通知', '2022年3月1日', 2022],
    ['关于印发《XX市“十四五”科普事业发展规划》的通知', '2021年6月1日', 2021],
    ['关于印发《XX省科学素质实施方案（2016—2020年）》的通知', '2015年12月1日', 2016],
  ])('a multi-year plan is read for the year it was issued in, never its last: %s', (title, date, year) => {
    expect(doc(`${title}\n各单位：\n现印发给你们。\n某某科学技术协会\n${date}\n`).year).toBe(year)
  })

  it('tells a notice, a plan and a news report apart', () => {
    expect(doc('关于开展2024年全国科普日活动的通知\n各单位：\n定于9月15日至25日举办全国科普日活动。').kind).toBe('notice')
    expect(doc('2024年唐山市科普工作要点\n一、组织开展全国科普日活动。').kind).toBe('plan')
    expect(doc('宿松县科协召开2024年全国科普日活动筹备会\n宿松融媒讯 8月6日，宿松县科协召开筹备会。（通讯员 刘春梅）').kind).toBe('news')
  })
})

describe('stated dates in every common form', () => {
  it.each([
    ['5月24日至6月2日举办科技活动周', '2024-05-24', '2024-06-02'],
    ['5月24日—6月2日举办科技活动周', '2024-05-24', '2024-06-02'],
    ['2024年5月24日-6月2日举办科技活动周', '2024-05-24', '2024-06-02'],
    ['5月20日-31日举办科技活动周', '2024-05-20', '2024-05-31'],
    ['9月15日至30日举办全国科普日', '2024-09-15', '2024-09-30'],
    ['8月20日至10月20日集中开展全国科普日活动', '2024-08-20', '2024-10-20'],
    ['暂定5月27日举办科技活动周', '2024-05-27', '2024-05-27'],
    ['定于9月21日（星期六）举行全国科普日主场活动', '2024-09-21', '2024-09-21'],
    ['定于2023年9月17至23日在全国各地集中开展', '2023-09-17', '2023-09-23'],
    ['9月11~17日，各地将举办科普联合行动', '2024-09-11', '2024-09-17'],
  ])('%s', (sentence, start, end) => {
    expect(findStatedDates(sentence, 2024).dates[0]).toMatchObject({ start, end })
  })

  it('5月下旬至6月上旬 is a tentative period: 下旬 from the 21st, 上旬 to the 10th', () => {
    expect(findStatedDates('科技活动周拟于5月下旬至6月上旬举办', 2024).dates[0]).toMatchObject({ start: '2024-05-21', end: '2024-06-10', tentative: true })
  })

  it.each([
    ['a deadline', '请于10月14日前报送全国科普日活动总结'],
    ['a dateline', '中国甘肃网5月21日讯 科技活动周启动'],
    ['a meeting about it', '8月28日下午，临汾市政府新闻办公室召开全国科普日新闻发布会'],
    ['a registration window', '于8月15日-9月28日期间，注册并登录全国科普日网站'],
    ['the date under a signature', '佛山市三水区科学技术协会2023年9月18日(联系人：曾翠娴)'],
  ])('%s is not the activity’s period', (_what, sentence) => {
    expect(findStatedDates(sentence, 2024).dates).toEqual([])
  })

  it('a local report stating the local dates of a national activity gives them to that region', () => {
    const r = extract('9月19日，中宁县开展2023年全国科普日集中宣传活动。此次活动由县科协牵头。')
    expect(r.document!.regionCode).toBe('640521')
    expect(r.mentions[0]!.stated).toMatchObject({ start: '2023-09-19', end: '2023-09-19' })
  })

  it('quotes read as Chinese: ASCII commas, colons and brackets beside Chinese text become full-width, numbers keep theirs', () => {
    const r = extract('中宁县2025年科技活动周启动\n5月26日,中宁县2025年科技活动周(县主场)启动,上午10:00开始,共1,000人参加;活动时间:5月24日至31日。')
    const quote = r.mentions.find((m) => m.activity === 'keji-huodong-zhou' && m.quote.includes('10:00'))!.quote
    expect(quote).toContain('5月26日，中宁县2025年科技活动周（县主场）启动，上午10:00开始，共1,000人参加；')
  })

  describe('a launch day and a later 持续至 make one period', () => {
    const stated = (text: string, activity: string) => extract(text).mentions.find((m) => m.activity === activity && m.stated)?.stated

    it('持续至 in a sentence that names no activity ends the tour stop named before it', () => {
      const text = '2025年中国流动科技馆巡展（中宁站）启动\n7月24日，中国流动科技馆巡展中宁站启动仪式在中宁县文化广场举行。据悉，本次巡展展厅设在县青少年活动中心，活动将持续至9月9日，免费向公众开放。'
      expect(stated(text, 'liudong-kejiguan')).toMatchObject({ start: '2025-07-24', end: '2025-09-09' })
    })

    it('a later sentence naming the same activity ends its period, in words too (6月上旬)', () => {
      const text = '5月26日，中宁县2025年科技活动周启动仪式在县科技馆举行。中宁县科技活动周主场活动将持续到6月上旬。'
      expect(stated(text, 'keji-huodong-zhou')).toMatchObject({ start: '2025-05-26', end: '2025-06-10', tentative: true })
    })

    it('从9月1日持续至9月30日 and 至5月31日闭幕 in one sentence', () => {
      expect(stated('中宁县2024年全国科普日活动将从9月1日持续至9月30日。', 'kepu-ri')).toMatchObject({ start: '2024-09-01', end: '2024-09-30' })
      expect(stated('5月18日，中宁县2024年科技活动周开幕，至5月31日闭幕。', 'keji-huodong-zhou')).toMatchObject({ start: '2024-05-18', end: '2024-05-31' })
    })

    it('an end more than four months on is a programme, not the period; an end alone starts nothing', () => {
      expect(stated('5月20日，中宁县2024年科技活动周启动，全年科普服务将持续至12月31日。', 'keji-huodong-zhou')).toMatchObject({ start: '2024-05-20', end: '2024-05-20' })
      expect(stated('中宁县2024年科技活动周将持续至5月31日。', 'keji-huodong-zhou')).toBeUndefined()
    })
  })
})

describe('the region, by evidence over the whole document', () => {
  it('an issuer that names no region: the title, 我县 and the signature place it', () => {
    const d = doc('县人民政府办公室关于印发旬阳县2024年全民科学素质工作要点的通知\n各镇人民政府，县政府各部门：\n现印发给你们，请结合我县实际认真贯彻执行。\n县人民政府办公室\n2024年3月1日\n')
    expect(d.regionCode).toBe('610981')
    expect(d.confidence).not.toBe('none')
  })

  it('a county inside the named city beats the city', () => {
    expect(doc('滁州市全椒县科协关于开展2024年全国科普日活动的通知\n各乡镇科协：\n按照滁州市科协部署，全椒县定于9月15日举办全国科普日主场活动。').regionCode).toBe('341124')
  })

  it('the acting body wins over a venue and a participant', () => {
    expect(doc('5月23日上午，2023年朔州市科技活动周在怀仁市仁德广场正式启动。怀仁市科技局等多家单位参加了本次活动。').regionCode).toBe('140600')
  })

  it('a district’s notice forwarding its city’s activity is the district’s', () => {
    expect(doc('各相关单位：2022年成都市科技活动周拟于5月20—28日举行，现广泛征集项目。成都市新都区新经济和科技局2022年4月12日').regionCode).toBe('510114')
  })

  it('a national notice is national, even reposted on a local portal', () => {
    const d = doc('科技部基础研究司关于在2022年全国科技活动周期间开展公众开放活动的通知\n来源:渭南市科学技术局 发布时间:2022-05-11 12:22\n国科基函〔2022〕29号\n各国家重点实验室：\n按照国务院规定，2022年全国科技活动周将于5月21日至30日举办。\n科技部基础研究司\n2022年5月6日\n')
    expect([d.regionCode, d.docNumber]).toEqual(['000000', '国科基函〔2022〕29号'])
    expect(doc('新华社北京8月6日电 中国科协等18部门日前联合发布通知，将于9月15日至21日集中开展2022年全国科普日活动。北京主场活动将在中国科技馆开展。').regionCode).toBe('000000')
  })

  it('a text that names no region anywhere is not placed, and says so', () => {
    const r = extract('9月18日，我县2023年“全国科普日”主场活动在寺头乡启动。')
    expect(r.document!.regionCode).toBeNull()
    expect(r.document!.confidence).toBe('none')
    expect(r.problems.find((p) => p.field === 'region')!.message).toContain('meta.yaml')
  })
})

describe('formats', () => {
  const real = join(root, 'tests/fixtures/real')
  it('a saved portal page: main text, fields and SOURCE kept, scripts and styles dropped', async () => {
    const r = await readDocument('x.html', readFileSync(join(real, 'national-2022-most-lab-notice.html')))
    expect(r.ok && r.format).toBe('html')
    if (!r.ok) return
    expect(r.text).toContain('国科基函〔2022〕29号')
    expect(r.text).toContain('来源:渭南市科学技术局')
    expect(r.text).toMatch(/^SOURCE: http/)
    expect(r.text).not.toMatch(/_hmt|querySelectorAll|font:16px/)
  })

  it('a GB2312 page that says so in <meta charset>', async () => {
    const html = '<html><head><meta charset="gb2312"><title>t</title></head><body><p>全国科普日</p></body></html>'
    const bytes = Uint8Array.from(html.replace('全国科普日', '\u0000'), (c) => c.charCodeAt(0))
    const gb = new Uint8Array([...bytes.slice(0, bytes.indexOf(0)), 0xc8, 0xab, 0xb9, 0xfa, 0xbf, 0xc6, 0xc6, 0xd5, 0xc8, 0xd5, ...bytes.slice(bytes.indexOf(0) + 1)])
    const r = await readDocument('x.htm', gb)
    expect(r.ok && r.text).toContain('全国科普日')
  })

  it('a Word file and a PDF with a text layer', async () => {
    const w = await readDocument('x.docx', readFileSync(join(real, 'mianzhu-2017-plan.docx')))
    expect(w.ok && w.text).toContain('绵竹市人民政府办公室')
    const p = await readDocument('x.pdf', readFileSync(join(real, 'fujian-2022-news.pdf')))
    expect(p.ok && p.format).toBe('pdf')
  })

  it.each([
    ['x.doc', new Uint8Array([0xd0, 0xcf, 0x11, 0xe0]), '另存为 .docx'],
    ['x.wps', new Uint8Array([1, 2, 3]), '另存为 .docx'],
    ['scan.pdf', new TextEncoder().encode(blankPdf()), '扫描件'],
    ['broken.docx', new TextEncoder().encode('not a zip'), '.docx'],
  ])('%s gets a message that says what to do', async (file, bytes, words) => {
    const r = await readDocument(file, bytes)
    expect(r.ok).toBe(false)
    if (!r.ok) expect(r.reason).toContain(words)
  })
})

describe('a sidecar settles what the text does not say', () => {
  it('region, year, 文号 and kind win over the reading', async () => {
    const { sidecar } = parseSidecar('x.meta.yaml', 'region: "140522"\nyear: 2023\ndocNumber: 阳科〔2023〕1号\nkind: news\n', regions)
    const r = extractDocument('x.txt', new TextEncoder().encode('9月18日，我县全国科普日主场活动在寺头乡启动。'), matcher, names, sidecar!)
    expect(r.document).toMatchObject({ regionCode: '140522', year: 2023, docNumber: '阳科〔2023〕1号', kind: 'news', confidence: 'sidecar' })
    expect(r.mentions[0]!.stated).toMatchObject({ start: '2023-09-18' })
  })

  it.each([
    ['region: 12345\n', 'region', '6 位数字'],
    ['region: "999999"\n', 'region', '没有地区代码 999999'],
    ['year: 二〇二三\n', 'year', '年份应为数字'],
    ['kind: memo\n', 'kind', 'notice、plan、news 或 page'],
    ['regoin: "130283"\n', 'regoin', '不认识的字段'],
    ['- a\n- b\n', undefined, '字段: 值'],
  ])('%s → a message on the field, in Chinese and English', (text, field, words) => {
    const { sidecar, problems } = parseSidecar('x.meta.yaml', text, regions)
    expect(sidecar).toBeNull()
    expect(problems[0]).toMatchObject({ file: 'x.meta.yaml', ...(field ? { field } : {}) })
    expect(problems[0]!.message).toContain(words)
    expect(problems[0]!.message).toMatch(/\(.*[a-z].*\)/)
  })
})

describe('the review report', () => {
  it('lists every document placed with low confidence or not at all, with its evidence, and a sidecar settles it', () => {
    const dir = join(root, '.tmp/unit-review')
    rmSync(dir, { recursive: true, force: true })
    mkdirSync(join(dir, 'docs'), { recursive: true })
    writeFileSync(join(dir, 'docs/a.txt'), '9月18日，我县2023年“全国科普日”主场活动在寺头乡启动。')
    writeFileSync(join(dir, 'docs/b.txt'), readFileSync(join(root, 'tests/fixtures/real/susong-2024-news.txt')))
    const first = runData(['--documents', join(dir, 'docs'), '--out', join(dir, 'out'), '--quiet'])
    expect(first.status, first.stderr).toBe(0)
    expect(first.stdout).toContain('review   1 document(s) to check')
    const report = JSON.parse(readFileSync(join(dir, 'out/review/review.json'), 'utf8'))
    expect(report.review.map((r: { file: string; confidence: string; settle: string }) => [r.file, r.confidence, r.settle])).toEqual([['a.txt', 'none', 'a.meta.yaml']])
    expect(readFileSync(join(dir, 'out/review/review.md'), 'utf8')).toContain('## a.txt')

    writeFileSync(join(dir, 'docs/a.meta.yaml'), 'region: "140522"\n')
    const second = runData(['--documents', join(dir, 'docs'), '--out', join(dir, 'out'), '--quiet'])
    expect(second.stdout).not.toContain('review ')
    const documents = JSON.parse(readFileSync(join(dir, 'out/data/latest.json'), 'utf8'))
    const index = JSON.parse(readFileSync(join(dir, 'out', documents.path, 'index.json'), 'utf8'))
    expect(index.documents.find((d: { file: string }) => d.file === 'a.txt')).toMatchObject({ regionCode: '140522', confidence: 'sidecar' })

    writeFileSync(join(dir, 'docs/a.meta.yaml'), 'region: "999999"\n')
    const third = runData(['--documents', join(dir, 'docs'), '--out', join(dir, 'out2'), '--quiet'])
    expect(third.status).toBe(1)
    expect(third.stderr).toContain('a.meta.yaml:line 1:region: 没有地区代码 999999')
  }, 60_000)
})

/** A valid one-page PDF with no text on it, as a scanner's image-only file reads to a text reader. */
function blankPdf(): string {
  const objs = ['<< /Type /Catalog /Pages 2 0 R >>', '<< /Type /Pages /Kids [3 0 R] /Count 1 >>', '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 200 200] >>']
  let body = '%PDF-1.4\n'
  const offsets: number[] = []
  objs.forEach((o, i) => {
    offsets.push(body.length)
    body += `${i + 1} 0 obj\n${o}\nendobj\n`
  })
  const xref = body.length
  body += `xref\n0 ${objs.length + 1}\n0000000000 65535 f \n${offsets.map((o) => `${String(o).padStart(10, '0')} 00000 n \n`).join('')}`
  return `${body}trailer\n<< /Size ${objs.length + 1} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`
}
