// All category rule tables, in the order they are tried on each clause.
import type { CategoryRules } from './types'
import { testing } from './rules/testing'
import { healthCode } from './rules/health-code'
import { quarantine } from './rules/quarantine'
import { healthMonitoring } from './rules/health-monitoring'
import { lockdownZones } from './rules/lockdown-zones'
import { gatherings } from './rules/gatherings'
import { masks } from './rules/masks'
import { venues } from './rules/venues'
import { schools } from './rules/schools'
import { transport } from './rules/transport'
import { travelReporting } from './rules/travel-reporting'
import { coldChain } from './rules/cold-chain'
import { vaccination } from './rules/vaccination'
import { medical } from './rules/medical'
import { supplies } from './rules/supplies'
import { other } from './rules/other'

export const TABLES: readonly CategoryRules[] = [
  lockdownZones, testing, healthCode, quarantine, healthMonitoring, gatherings, masks, venues, schools,
  transport, travelReporting, coldChain, vaccination, medical, supplies, other
]
