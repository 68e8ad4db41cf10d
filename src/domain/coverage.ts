import type { RegionIndex } from './regions'
import type { DocumentMeta, Instance } from './types'
import { NATIONAL_CODE } from './types'

/** How regional the calendar is: what the home page and the build's summary say. */
export interface Coverage {
  /** Regions below the nation with an instance of their own (not only their ancestors'). */
  regions: number
  /** Provinces (and municipalities, autonomous regions) holding at least one of those regions. */
  provinces: number
  /** Of `regions`, those with an own instance in `thisYear` or later, dated or carried forward. */
  current: number
  /** Own instances carried forward by custom (往年惯例). */
  projected: number
  thisYear: number
  /** Documents read. */
  documents: number
}

export function coverageOf(instances: Instance[], regions: RegionIndex, documents: DocumentMeta[], thisYear: number): Coverage {
  const own = instances.filter((i) => i.region !== NATIONAL_CODE && i.status !== 'cancelled')
  const withOwn = new Set(own.map((i) => i.region))
  const current = new Set(own.filter((i) => i.year >= thisYear).map((i) => i.region))
  const provinces = new Set([...withOwn].map((code) => regions.path(code)[1]?.code).filter(Boolean))
  return {
    regions: withOwn.size,
    provinces: provinces.size,
    current: current.size,
    projected: own.filter((i) => i.carried).length,
    thisYear,
    documents: documents.length,
  }
}
