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
