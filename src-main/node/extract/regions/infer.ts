// When a document names no place at all, the place it is about can still be read from words that
// only one jurisdiction uses: Taiwan's and Hong Kong's official vocabulary and dating, Macau's
// bodies, and the provinces' and cities' own health-code apps (粤康码 is Guangdong's).
// Only used as a fallback: a named place always wins.
import type { RegionRef } from '../../../common/record'
import { regionByCode } from './gazetteer'

interface Cue {
  code: string
  /** Any one of these suffices. */
  strong: RegExp
}

const CUES: Cue[] = [
  {
    // Taiwan: central bodies, quarantine terms and Minguo dates (111年12月8日).
    code: '710000',
    strong: /卫福部|卫生福利部|疾管署|疾病管制署|流行疫情指挥中心|实联制|防疫旅馆|匡列|居家检疫|居家照护|自主防疫|民国\s*1[01][0-9]\s*年|(?<![0-9])1[01][0-9]\s*年\s*[0-9]{1,2}\s*月\s*[0-9]{1,2}\s*日/
  },
  {
    // Hong Kong: its apps, passes, gazette and bodies.
    code: '810000',
    strong: /安心出行|疫苗通行证|限聚令|强制检测公告|强制检测令|卫生防护中心|政府刊宪|宪报|特区政府|港府|食肆|指明处所/
  },
  { code: '820000', strong: /澳门健康码|澳康码|应变协调中心|行政长官批示|治安警察局/ },
  // Health-code apps of provinces and cities.
  { code: '440000', strong: /粤康码|粤省事/ },
  { code: '440100', strong: /穗康码/ },
  { code: '440300', strong: /深i您/ },
  { code: '320000', strong: /苏康码|苏服办/ },
  { code: '320200', strong: /锡康码/ },
  { code: '320500', strong: /苏城码/ },
  { code: '310000', strong: /随申码|随申办/ },
  { code: '500000', strong: /渝康码|渝快办/ },
  { code: '120000', strong: /津门战疫/ },
  { code: '110000', strong: /北京健康宝/ },
  { code: '420000', strong: /鄂汇办/ },
  { code: '340000', strong: /皖事通/ },
  { code: '350000', strong: /闽政通|八闽健康码/ },
  { code: '410000', strong: /豫事办/ },
  { code: '360000', strong: /赣通码|赣服通/ },
  { code: '510000', strong: /天府健康通/ },
  { code: '210000', strong: /辽事通/ },
  { code: '220000', strong: /吉事办/ },
  { code: '150000', strong: /蒙速办/ },
  { code: '130000', strong: /冀时办/ }
]

/** The one jurisdiction whose vocabulary the text uses, or [] when none or several do. */
export function inferRegions(simplified: string): RegionRef[] {
  const hits = CUES.filter((c) => c.strong.test(simplified))
  if (hits.length !== 1) return []
  const r = regionByCode(hits[0].code)
  return r ? [r] : []
}
