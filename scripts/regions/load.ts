import { areaList } from '@vant/area-data'
import { NATIONAL_CODE, type Region } from '../../src/domain/types'

/**
 * The national list of administrative regions, from `@vant/area-data` (GB/T 2260-style codes,
 * pinned in package-lock.json). Shaped into a tree rooted at the nation:
 * - municipalities (北京, 上海, 天津, 重庆) have their districts directly below the province-level
 *   entry: the package's pseudo-cities 市辖区 / 县 / 北京市 (1101xx) are folded away;
 * - 省直辖县级行政区划 (仙桃, 济源, 石河子 …) hang directly below their province;
 * - statistical development zones (codes xxxx7x) and the towns the package lists under cities
 *   without counties (东莞, 中山, 儋州, 嘉峪关) are not county-level divisions and are left out;
 * - 台湾省, 香港, 澳门 are kept as province-level entries without subdivisions.
 */
export const REGION_DATA_SOURCE = '@vant/area-data 2.1.0 (民政部/国家统计局 codes)'

const PSEUDO_CITY = /^(市辖区|县|省直辖县级行政区划|自治区直辖县级行政区划|省直辖县)$/
const NO_SUBDIVISIONS = new Set(['71', '81', '82'])

export function loadRegions(): Region[] {
  const regions: Region[] = [{ code: NATIONAL_CODE, name: '全国', level: 'national', parent: null }]
  const provinces = areaList.province_list as Record<string, string>
  const cities = areaList.city_list as Record<string, string>
  const counties = areaList.county_list as Record<string, string>
  const folded = new Set<string>()

  for (const [code, name] of Object.entries(provinces)) {
    regions.push({ code, name, level: 'province', parent: NATIONAL_CODE })
  }
  for (const [code, name] of Object.entries(cities)) {
    const province = `${code.slice(0, 2)}0000`
    if (NO_SUBDIVISIONS.has(code.slice(0, 2))) continue
    if (PSEUDO_CITY.test(name) || name === provinces[province]) {
      folded.add(code)
      continue
    }
    regions.push({ code, name, level: 'city', parent: province })
  }
  for (const [code, name] of Object.entries(counties)) {
    const prefix = code.slice(0, 2)
    if (NO_SUBDIVISIONS.has(prefix)) continue
    if (/^\d{4}7\d$/.test(code)) continue
    const city = `${code.slice(0, 4)}00`
    if (/^(4419|4420|4604|6202)/.test(code)) continue
    const parent = folded.has(city) ? `${prefix}0000` : city
    if (!cities[city] && !folded.has(city)) continue
    regions.push({ code, name, level: 'county', parent })
  }
  return regions
}
