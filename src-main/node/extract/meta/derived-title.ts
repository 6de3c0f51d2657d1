// A short title for a part of a split file that has no heading of its own (a compilation's second
// notice often starts straight with its preamble). Built from what the part says about itself:
// the subject it names for its own kind (现将宣传工作情况总结如下), else its purpose clause
// (为做好春节期间疫情防控工作，… → 关于做好春节期间疫情防控工作的通告), else its first numbered item,
// with the issuer in front when it is known. The caller marks such a title as derived.
import type { DocType } from '../../../common/record'
import { detectScript } from '../../pipeline/script'

export const DERIVED_MAX = 30

export interface DerivedTitleInput {
  /** The part's text as written and its simplified shadow (same length). */
  text: string
  simplified: string
  docType: DocType
  docTypeDetail: string | null
  issuer: string | null
  /** A place the part names in its opening, standing in for an unnamed issuer. */
  place?: string | null
}

// The body names its own kind: 现将有关事项通告如下 / 下面我就…汇报如下 / 现将…总结如下.
const SELF_KIND = /(?:现将|现就|下面我?就|下面将|兹将|特将|就)([^，,。；：:\n]{0,40}?)(通告|公告|通知|汇报|总结|报告|通报)如下/
// Words that name nothing in particular: the kind alone is then the subject's fallback.
const GENERIC_SUBJECT = /^(?:有关|相关)?(?:事宜|事项|工作|情况|内容|要求|工作情况|工作开展情况|具体|主要)*$/
// The purpose clause that opens a notice or report: 为(了)(切实|进一步…)做好…工作.
// (为期, 为主, 为准 … are not purposes.)
const PURPOSE = /(?:^|[。；，,\n])\s*为了?(?!期|主|准|止|由|单位|重点)([^，,。；：:\n]{4,90})[，,]/
const PURPOSE_NEXT = /^[，,]([^，,。；：:\n]{4,30})[，,]/
// Adverbs that open a purpose clause and add nothing to a title.
const ADVERB = /^(?:切实|认真|全力|进一步|坚决|有效|更好地?|全面|积极|深入|扎实|科学|精准|严格|着力)+/
// A clause that only cites its basis (贯彻《…》精神) does not say what the document is about.
const CITES = /[《》“”"]|精神$|要求$|部署$|指示$/
const NUMBERED = /^\s*(?:[一二三四五六七八九十]{1,3}[、.．]|[（(][一二三四五六七八九十]{1,3}[)）]|[0-9]{1,2}[、.．)）])\s*(.+)$/m

/** The kind word a derived title ends with. */
function kindWord(docType: DocType, detail: string | null, bodyKind: string | null): string {
  if (bodyKind) return bodyKind
  if (detail && /^(通告|公告|通知|决定|意见|通报|倡议书|批复|请示|纪要|函)$/.test(detail)) return detail
  if (detail === '工作总结') return '总结'
  if (docType === 'notice') return '通知'
  if (docType === 'report') return '工作汇报'
  if (docType === 'guide') return '问答'
  if (docType === 'other' && detail === '倡议书') return '倡议书'
  return ''
}

// The title's own words follow the part's script (a traditional part reads 關於…的公告).
const TRADITIONAL: Record<string, string> = {
  关于: '關於', 汇报: '匯報', 工作汇报: '工作匯報', 总结: '總結', 报告: '報告', 通报: '通報', 问答: '問答', 倡议书: '倡議書',
  决定: '決定', 意见: '意見', 批复: '批覆', 请示: '請示', 纪要: '紀要'
}

/** Slices [a, b) of the part as written, without inner line breaks or spaces. */
function span(text: string, a: number, b: number): string {
  return text.slice(a, b).replace(/[\s\u3000]+/g, '')
}

/** The purpose of the part (as written), or null: the first purpose clause that names a subject. */
function purpose(text: string, simp: string): string | null {
  const head = simp.slice(0, 300)
  const m = PURPOSE.exec(head)
  if (!m) return null
  let a = m.index + m[0].indexOf(m[1], m[0].indexOf('为'))
  let clause = m[1]
  if (CITES.test(clause)) {
    // 为贯彻《…》精神，进一步做好…工作，: the next clause carries the subject.
    const next = PURPOSE_NEXT.exec(head.slice(a + clause.length))
    if (!next || CITES.test(next[1])) return null
    a = a + clause.length + 1
    clause = next[1]
  }
  const adv = ADVERB.exec(clause)
  const skip = adv ? adv[0].length : 0
  return span(text, a + skip, a + clause.length)
}

/** A short title (at most DERIVED_MAX characters), or null when the part offers nothing to build on. */
export function deriveTitle(input: DerivedTitleInput): string | null {
  const { text, simplified, docType, docTypeDetail } = input
  const self = SELF_KIND.exec(simplified.slice(0, 400))
  const trad = detectScript(text) === 'traditional'
  const word = (w: string): string => (trad ? (TRADITIONAL[w] ?? w) : w)
  const kind = word(kindWord(docType, docTypeDetail, self ? self[2] : null))
  const issuer = input.issuer && input.issuer.length <= 20 ? input.issuer : input.place ?? null
  const withIssuer = (core: string): string => {
    const full = issuer ? `${issuer}${core}` : core
    return full.length <= DERIVED_MAX ? full : core
  }
  const fits = (s: string): boolean => s.length >= 4 && s.length <= DERIVED_MAX
  // 1. Its purpose: 关于做好春节期间疫情防控工作的通告.
  const aim = purpose(text, simplified)
  if (aim) {
    // Without a kind word a bare purpose does not read as a title.
    const core = `${word('关于')}${aim}的${kind}`
    if (kind && fits(core)) return withIssuer(core)
  }
  // 2. The subject the body names for itself (现将宣传工作情况总结如下 → 宣传工作情况总结).
  if (self) {
    const subject = span(text, self.index + self[0].indexOf(self[1]), self.index + self[0].indexOf(self[1]) + self[1].length)
    const core = subject.replace(/^(?:我[^，。]{0,6}?|本[^，。]{0,4}?)(?=[^，。]{4})/, '') + kind
    if (!GENERIC_SUBJECT.test(self[1]) && !CITES.test(self[1]) && fits(core)) return withIssuer(core)
  }
  // 3. Its first numbered item, behind the issuer and kind: …工作汇报：加强组织领导.
  const item = NUMBERED.exec(simplified.slice(0, 1500))
  if (item) {
    const at = item.index + item[0].length - item[1].length
    // The whole first sentence of the item when it fits, else its first clause.
    const sentence = item[1].split(/[。；：:]/)[0]
    const first = sentence.length <= 20 ? sentence : sentence.split(/[，,]/)[0]
    const label = `${issuer ?? ''}${kind}`
    const core = span(text, at, at + first.length)
    const full = label ? `${label}：${core}` : core
    if (core.length >= 4) return full.length <= DERIVED_MAX ? full : full.slice(0, DERIVED_MAX)
  }
  return null
}
