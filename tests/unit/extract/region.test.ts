import { describe, expect, it } from 'vitest'
import { extract, notice } from '../helpers'

// Issuers are placed against the full national list, not a table of the seeds.
describe('issuer region', () => {
  it.each([
    ['迁安市科学技术协会', '迁科协〔2024〕3号', '130283'],
    ['广东省科学技术协会', '粤科协〔2024〕9号', '440000'],
    ['东莞市科学技术协会', '东科协〔2024〕1号', '441900'],
    ['恩施土家族苗族自治州科学技术协会', '恩州科协〔2024〕2号', '422800'],
    ['重庆市巫山县科学技术协会', '巫山科协〔2024〕1号', '500237'],
    ['中共甘肃省委宣传部', '甘宣〔2024〕5号', '620000'],
    ['仙桃市科学技术协会', '仙科协〔2024〕1号', '429004'],
  ])('%s → %s', (issuer, number, code) => {
    expect(extract(notice('组织开展全国科普日活动。', issuer, number)).document!.regionCode).toBe(code)
  })

  it('a name China has twice is settled by the parent the document names', () => {
    const text = notice('北京市朝阳区组织开展全国科普日活动。', '朝阳区科学技术协会', '朝科协〔2024〕1号')
    expect(extract(text).document!.regionCode).toBe('110105')
  })

  it('…and by the 文号 abbreviation', () => {
    const text = notice('组织开展全国科普日活动。', '朝阳区科学技术协会', '吉朝科协〔2024〕1号')
    expect(extract(text).document!.regionCode).toBe('220104')
  })

  it('still ambiguous: a warning listing the candidates', () => {
    const r = extract(notice('组织开展全国科普日活动。', '朝阳区科学技术协会', '朝科协〔2024〕1号'))
    expect(r.document!.regionCode).toBeNull()
    expect(r.problems.find((p) => p.field === 'region')!.message).toMatch(/北京市 朝阳区.*吉林省 长春市 朝阳区/)
  })
})

// Third round of real documents: the genres that went wrong (issue of real documents, third round).
// Each text is written for the class, not copied from a document of the corpus.
describe('names that are also words', () => {
  it.each([
    ['公安局 is a county’s police bureau, not 公安县', '某地新闻\n5月12日是第16个全国防灾减灾日,我县应急管理局联合县科协、消防大队、公安局等单位开展宣传活动。', null],
    ['资源局 is a bureau, not 资源县', '某地新闻\n9月16日,我县科协联合县自然资源局开展全国科普日活动。', null],
    ['点亮山城 is a phrase in a headline, not 山城区', '科学之光点亮山城全国科普月主场活动启幕\n9月16日,2025年全国科普月宜宾市主场活动在宜宾市举行。', '511500'],
  ])('%s', (_what, text, code) => {
    expect(extract(text).document!.regionCode).toBe(code)
  })

  it.each([
    ['a province’s short name after a year names it', '2023年内蒙古科技活动周本月20日启动\n2023年内蒙古科技活动周于5月20日至31日在全区举行,主会场启动仪式将设在通辽市。', '150000'],
    ['a district’s own week joined to its part of the city’s', '5月24日,2025年北京科技周昌平分会场暨昌平科技周在马池口园区启幕,全方位展现昌平科技创新成就。昌平区委常委致辞。', '110114'],
  ])('%s', (_what, text, code) => {
    expect(extract(text).document!.regionCode).toBe(code)
  })

  it('承德 alone is the city, not 承德县 inside it', () => {
    const text = '全国科普月承德主场活动启幕\n9月16日,2025年全国科普月承德市主场活动在市中心广场开启,由承德市科协联合34家单位举办。'
    expect(extract(text).document!.regionCode).toBe('130800')
  })

  it('a newspaper in a 来源 line run into the next field names no issuer (来源:青海日报作者:…)', () => {
    const text = '【海西州】启动2025年科技活动周\n来源:青海日报作者:某某发布时间:2025-05-27\n5月26日,2025年海西蒙古族藏族自治州科技活动周在德令哈市启动,由海西州科学技术局主办。'
    expect(extract(text).document!.regionCode).toBe('632800')
  })
})

describe('forwarded notices', () => {
  it('a county that forwards a national notice issues it, and orders what the notice orders', () => {
    const r = extract('兰西县科协转发《中国科协关于举办2025年全国科普月活动的通知》的通知\n各乡镇:\n现将《中国科协关于举办2025年全国科普月活动的通知》转发给你们,请结合实际认真贯彻落实。\n兰西县科学技术协会\n2025年8月20日\n')
    expect(r.document).toMatchObject({ regionCode: '231222', year: 2025 })
    expect(r.mentions.map((m) => m.activity)).toEqual(['kepu-ri'])
  })

  it('a regulation cited by its title is still not an activity', () => {
    const r = extract(notice('按照《全国中学生五项学科竞赛管理条例》做好组织工作。'))
    expect(r.mentions.map((m) => m.activity)).not.toContain('wuxiang-xueke-jingsai')
  })
})
