// Runs the category rule tables over every clause of the simplified shadow. A clause can carry
// several measures (one per category); the evidence span is the 、-separated piece of the clause
// that holds the match (quotes kept whole), sliced from the original text. The same measure
// stated twice in a document is kept once, at its stricter level.
import type { Measure } from '../../../common/record'
import { clauses, type Clause } from '../text'
import { isInlineLabel, ledeRanges, skippedLines } from './structure'
import { linkListRanges } from '../meta/junk'
import { TABLES } from './tables'
import { extractParams, reportedParams } from './params'
import { findTarget, isLifted } from './target'
import { addMention, anchorOf, PlaceKeys } from './repeats'
import { definedNames, dropAttendanceSteps, inDefinedName } from './howto'
import { dropLoneWeak, dropPlacePieces, dropTitles, inExemption, oneCategoryPerSpan, type Candidate } from './choose'
import { AREA_ONLY, AREA_VERB, HEADING, NOT_A_MEASURE, STATS } from './filters'

// One combined, case-insensitive pattern per table (KTV/ktv) for a fast first reject.
const ANY: RegExp[] = TABLES.map((t) => new RegExp(t.rules.map((r) => `(?:${r.re.source})`).join('|'), 'i'))
const PUNCT_PIECE = '、'
const DIGIT = /[0-9一二三四五六七八九十]/
const PAIR = /室内|室外|户外/
const DATE_ITEM_END = /[日号](?:[（(][^（()）]{1,4}[)）])?$/
const OPEN = new Set([...'“「『《（(【["'])
const CLOSE = new Set([...'”」』》）)】]'])

/** Bounds of the 、-separated piece(s) of `c` covering [a, b), ignoring 、 inside quotes. */
function pieceBounds(c: string, a: number, b: number): [number, number] {
  if (!c.includes(PUNCT_PIECE)) return [0, c.length]
  const depthAt: number[] = []
  let depth = 0
  for (let i = 0; i < c.length; i++) {
    const ch = c[i]
    if (OPEN.has(ch) && !(ch === '"' && depth > 0)) depth++
    else if (CLOSE.has(ch) || (ch === '"' && depth > 0)) depth = Math.max(0, depth - 1)
    depthAt.push(depth)
  }
  // A list of numbers (第1、4、7天) is one item, not several.
  // Paired indoor and outdoor limits (室内10人以上、室外50人以上) are one rule.
  const paired = (i: number): boolean => PAIR.test(c.slice(i + 1, i + 3)) && PAIR.test(c.slice(Math.max(0, i - 14), i))
  // A list of dates (10月25日（周二）、10月27日（周四）开展…) is one item too: a number after 、
  // continues a list whose previous item ended on a date or its weekday.
  const dateList = (i: number): boolean => DIGIT.test(c[i + 1] ?? '') && DATE_ITEM_END.test(c.slice(Math.max(0, i - 8), i))
  const cut = (i: number): boolean =>
    c[i] === PUNCT_PIECE && depthAt[i] === 0 && !(DIGIT.test(c[i - 1] ?? '') && DIGIT.test(c[i + 1] ?? '')) && !dateList(i) && !paired(i)
  let s = a
  while (s > 0 && !cut(s - 1)) s--
  let e = b
  while (e < c.length && !cut(e)) e++
  return [s, e]
}

const ORDER_WORD = /严禁|禁止|不得|暂停|停止|一律|必须|须/
const UNIT_ONLY = /^[^，。]{0,12}(提前|至少|不少于|不超过|最多)[^，。]{0,4}([0-9]+|[一二两三四五六七八九十]+)\s*(小时|天)[^，。]{0,4}$/

// An appeal to accept a list of measures (自觉接受流调、核酸检测、隔离等防控措施) names measures
// ordered elsewhere: it is one measure, evidenced by the whole clause, in the category of its
// first item. A list the clause itself orders (落实扫码、测温、消毒等措施) keeps its items.
const ENUMERATION = /(配合|接受|服从|遵守)[^，。]*、[^，。]*等[^，。、]{0,6}(措施|工作|要求)$/
// Vaccination coverage figures (接种率达到96%, 占常住人口比例88%) restate one drive: a report lists
// many, the drive is one measure. A goal to raise coverage (提高接种率) is a measure of its own.
const COVERAGE = /接种率|覆盖率|占[^，。]{0,12}比例|接种人数/
const COVERAGE_GOAL = /(提高|提升|加快|推进|开展)[^，。]{0,12}(接种率|覆盖率)/

// A clause opening with 期间 goes on with the clause before (…实行封控管理，期间“足不出户”), and so
// does one opening with 做到 or 确保 that states the goal of the order before it (推进疫苗接种，做到
// 应接尽接): one measure, of the same category.
const CONTINUATION = /^(期间|做到|确保)/
// A count of zones after a count of zones (共有高风险地区3个，中风险地区37个) goes on with the same list.
const ZONE_COUNT = /(风险(地区|区域|区)|封控区|管控区|防范区)[^，。]{0,3}([0-9]+|[一二三四五六七八九十]+)个/

/**
 * Reported speech in a story (“前阵子小区临时封控，…” / “阿姨，口罩往上戴一下，…”): a quotation that
 * opens a paragraph or follows a finished sentence and holds a sentence or runs past a slogan's
 * length. Returns the ranges whose clauses are skipped. A quotation after a colon (他表示：“…”)
 * may relay an order and is kept.
 */
function speechRanges(simplified: string): [number, number][] {
  const out: [number, number][] = []
  const re = /(?:^|[\n。！？!?][ \t\u3000]*)([“「])/g
  for (let m = re.exec(simplified); m; m = re.exec(simplified)) {
    const open = m.index + m[0].length - 1
    let lineEnd = simplified.indexOf('\n', open)
    if (lineEnd < 0) lineEnd = simplified.length
    const rel = simplified.slice(open + 1, lineEnd).search(/[”」]/)
    const close = rel < 0 ? lineEnd : open + 1 + rel
    // A full sentence inside the quotes, or a long run, is speech; a slogan is neither.
    if (close - open > 20 || /[。！？!?]/.test(simplified.slice(open, close))) out.push([open, close])
  }
  return out
}

/**
 * A quoted slogan (“足不出户、服务上门”, 「足不出戶,錯峰取物」) is one measure: of several matches
 * inside the same quotes only the first is kept.
 */
function onePerSlogan(cs: string, candidates: Candidate[]): Candidate[] {
  if (candidates.length < 2 || !/[“「『"]/.test(cs)) return candidates
  const quoteOf = (at: number): number => {
    const open = Math.max(cs.lastIndexOf('“', at), cs.lastIndexOf('「', at), cs.lastIndexOf('『', at))
    if (open < 0) return -1
    const close = cs.slice(open).search(/[”」』]/)
    return close >= 0 && open + close > at ? open : -1
  }
  const seen = new Set<number>()
  return [...candidates].sort((a, b) => a.at - b.at).filter((c) => {
    const q = quoteOf(c.at)
    if (q < 0) return true
    if (seen.has(q)) return false
    seen.add(q)
    return true
  })
}

// A clause opening with these words states the benefit of what the clauses before it in the
// sentence say (核酸检测是重要手段，开展全员核酸检测，有利于早发现): those clauses are the topic of
// an explanation, not orders. (An appeal's 就是最大的支持 still follows real requests.)
const APPRAISAL = /^(有利于|有助于|有益于)/
const SENTENCE_END = /[。；;！!？?\n]/

/** For each clause, true when a later clause of its sentence appraises it. */
function evaluatedClauses(simplified: string, list: Clause[]): boolean[] {
  const out: boolean[] = new Array<boolean>(list.length).fill(false)
  for (let k = list.length - 2; k >= 0; k--) {
    const next = list[k + 1]
    if (SENTENCE_END.test(simplified.slice(list[k].end, next.start))) continue
    out[k] = out[k + 1] || APPRAISAL.test(simplified.slice(next.start, next.end))
  }
  return out
}

// A clause that ends on a verb of seeing (记者在现场看到，…; 走进小区，只见…) opens an observation:
// the clauses after it in the same sentence describe a scene, not a rule. So does a clause that
// only sets the scene in the past (此前，…; 去年此时，…): what was done then is news of then.
const PERCEPTION = /(看到|看见|注意到|只见|映入眼帘|可以看到|随处可见)$|^(去年|前年|当年|当时|彼时|此前|早前|曾经)(此时|同期)?$/

/** For each clause, true when an earlier clause of its sentence ends on a verb of seeing. */
function observedClauses(simplified: string, list: Clause[]): boolean[] {
  const out: boolean[] = new Array<boolean>(list.length).fill(false)
  for (let k = 1; k < list.length; k++) {
    const prev = list[k - 1]
    if (SENTENCE_END.test(simplified.slice(prev.end, list[k].start))) continue
    out[k] = out[k - 1] || PERCEPTION.test(simplified.slice(prev.start, prev.end))
  }
  return out
}

export function extractMeasures(text: string, simplified: string, title = ''): Measure[] {
  const found = new Map<string, Measure>()
  const list = clauses(simplified)
  const skipped = skippedLines(simplified, title)
  // Related-links lists (相关新闻 …) hold titles of other pages: their measures are not the text's.
  const ledes = [...ledeRanges(simplified), ...linkListRanges(simplified)]
  const speech = speechRanges(simplified)
  const defined = definedNames(simplified)
  const evaluated = evaluatedClauses(simplified, list)
  const observed = observedClauses(simplified, list)
  let prevHadMeasure = true
  const placeKeys = new PlaceKeys()
  let lastByCategory = new Map<string, string>()
  let ls = 0
  let nextBreak = simplified.indexOf('\n')
  for (let k = 0; k < list.length; k++) {
    const cl = list[k]
    const cs = simplified.slice(cl.start, cl.end)
    // The start of this clause's line, advanced with the clauses (a backward search from every
    // clause of a long paragraph would rescan it).
    while (nextBreak >= 0 && nextBreak < cl.start) {
      ls = nextBreak + 1
      nextBreak = simplified.indexOf('\n', ls)
    }
    // A clause closed by a question mark asks (居家隔离要多久？): the answer states the rule.
    const structural =
      cs.length < 2 ||
      simplified[cl.end] === '？' ||
      simplified[cl.end] === '?' || speech.some(([a, b]) => cl.start >= a && cl.start < b) || evaluated[k] || observed[k] || skipped.has(ls) || ledes.some(([a, b]) => cl.start >= a && cl.start < b) || isInlineLabel(simplified, ls, cl.start, cl.end)
    // The tables' combined patterns come first: most clauses name no measure at all, and then the
    // clause filters (long alternations) need not run.
    const hits: number[] = []
    if (!structural) for (let t = 0; t < TABLES.length; t++) if (ANY[t].test(cs)) hits.push(t)
    if (!structural && hits.length === 0) {
      prevHadMeasure = false
      lastByCategory = new Map()
      continue
    }
    // A short numbered item is a heading unless it ends its sentence; one that goes on after a
    // comma is a statement when it holds a prohibition or obligation (1.全院严禁探视，…), a label
    // otherwise (1、持续加强宣传，营造…).
    const heading =
      HEADING.test(cs) && !/[。；;！!]/.test(simplified[cl.end] ?? '') && !(/[，,]/.test(simplified[cl.end] ?? '') && ORDER_WORD.test(cs))
    if (structural || heading || STATS.test(cs) || NOT_A_MEASURE.test(cs) || (AREA_ONLY.test(cs) && !AREA_VERB.test(cs))) {
      prevHadMeasure = true
      lastByCategory = new Map()
      continue
    }
    // A short lead-in clause holding only a number (须至少提前24小时,…报备) belongs to this one.
    const prev = k > 0 ? list[k - 1] : null
    const joinPrev =
      !!prev && !prevHadMeasure && simplified[prev.end] !== '。' && simplified[prev.end] !== '\n' && UNIT_ONLY.test(simplified.slice(prev.start, prev.end))
    const prevInSentence = prev && !/[。；;！!？?\n]/.test(simplified.slice(prev.end, cl.start)) ? simplified.slice(prev.start, prev.end) : ''
    const enumeration = ENUMERATION.test(cs)
    const candidates: Candidate[] = []
    // Who the clause's measures apply to: the same for every measure of the clause.
    let target: string | null | undefined
    for (const t of hits) {
      const table = TABLES[t]
      if (table.exclude && table.exclude.test(cs)) continue
      for (const rule of table.rules) {
        const m = rule.re.exec(cs)
        if (!m) continue
        // The subject of a rule often stands in the clause before (全县夜市和休闲场所，应自即日起停止营业).
        if (rule.requires && !rule.requires.test(cs) && !(prevInSentence && rule.requires.test(prevInSentence))) continue
        if (rule.unless && rule.unless.test(cs)) continue
        const [ps, pe] = enumeration ? [0, cs.length] : pieceBounds(cs, m.index, m.index + m[0].length)
        // The exempted items of 除…外 are what the rule does not cover, and a team in a list of
        // teams (专家组、消杀组) is an organisation chart, not a measure.
        const piece = cs.slice(ps, pe)
        if (inExemption(cs, m.index) || /^[^，。、]{1,6}组$/.test(piece) || inDefinedName(cs, m.index, defined)) break
        let start = cl.start + ps
        const end = cl.start + pe
        if (joinPrev && prev) start = prev.start
        const spanS = simplified.slice(start, end)
        const params = extractParams(spanS, table.category, cl.start + m.index - start)
        const level = typeof rule.level === 'number' ? rule.level : rule.level(cs, params)
        const measure: Measure = {
          category: table.category,
          level,
          params,
          target: target === undefined ? (target = findTarget(cs)) : target,
          lifted: isLifted(spanS),
          text: text.slice(start, end),
          start,
          end
        }
        // One measure stated several times (居家检疫 throughout a Q&A) is one measure: the key is
        // the category, the words that matched and the numbers stated.
        // (short, generic matches such as 口罩 only merge when the whole piece is the same).
        const word = m[0].replace(/[\s　]/g, '')
        const key =
          table.category === 'vaccination' && COVERAGE.test(cs) && !COVERAGE_GOAL.test(cs)
            ? 'vaccination|coverage'
            : // An appeal naming a list of measures is no restatement of any one of them.
              (enumeration ? 'list|' : '') + table.category + '|' + (word.length >= 4 || table.mergeByWord ? word.replace(/[0-9]+/g, '#') : spanS.replace(/[\s　]/g, '')) + '|' + JSON.stringify(params)
                // A verb-anchored rule (暂停 of a place) has its object where `requires` matched.
        const obj = rule.objectFromRequires && rule.requires ? rule.requires.exec(cs) : null
        measure.params = reportedParams(params, spanS, table.category)
        candidates.push({ measure, key, at: m.index, matchEnd: m.index + m[0].length, weak: rule.weak === true || (table.category === 'other' && !rule.strong), enforcement: rule.strong === true, objectEnd: obj ? obj.index + obj[0].length : m.index + m[0].length })
        break
      }
    }
    const kept = enumeration
      ? candidates.sort((a, b) => a.at - b.at).slice(0, 1)
      : dropPlacePieces(
          dropLoneWeak(oneCategoryPerSpan(cs, onePerSlogan(cs, dropTitles(cs, candidates)), cl.start, (a, b) => text.slice(a, b))),
          (c) => simplified.slice(c.measure.start, c.measure.end).trim()
        )
    const mine = new Map<string, string>()
    for (const { measure, key } of kept) {
      // A short clause continuing the previous clause's measure in the same sentence (应检必检，
      // 不落一人) widens that measure's span rather than adding one.
      const lastKey = prevInSentence ? lastByCategory.get(measure.category) : undefined
      const last = lastKey ? found.get(lastKey) : undefined
      const sameList = !!last && ZONE_COUNT.test(cs) && ZONE_COUNT.test(simplified.slice(last.start, last.end))
      if (last && lastKey && (cs.length <= 5 || CONTINUATION.test(cs) || sameList)) {
        found.set(lastKey, { ...last, end: measure.end, text: text.slice(last.start, measure.end) })
        mine.set(measure.category, lastKey)
        continue
      }
      const stored = placeKeys.keyFor(key, anchorOf(cs))
      const put = addMention(found, stored, measure, simplified.slice(measure.start, measure.end), (x) => simplified.slice(x.start, x.end))
      if (put) mine.set(measure.category, stored)
    }
    lastByCategory = mine
    prevHadMeasure = candidates.length > 0
  }
  return dropAttendanceSteps([...found.values()], (m) => simplified.slice(m.start, m.end)).sort((a, b) => a.start - b.start || a.category.localeCompare(b.category))
}
