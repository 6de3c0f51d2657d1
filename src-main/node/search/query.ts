// The query language: words separated by spaces must all match (AND); OR (or |) between words
// accepts either; -word or NOT word excludes; "quoted phrases" (also “ ” and 「 」) keep spaces and
// keywords literal. A word is matched as a phrase of its own tokens, so 隔离措施 finds that exact
// run of characters. Every string parses: what cannot be read as syntax is read as text.
import { normalize, termTokens, type TermTokens } from './tokenize'

export interface QueryTerm {
  /** As typed (for highlighting and messages). */
  text: string
  tokens: TermTokens
}

export interface ParsedQuery {
  /** All groups must match; a group matches when any of its terms does. */
  groups: QueryTerm[][]
  exclude: QueryTerm[]
}

const MAX_TERMS = 32
const MAX_LENGTH = 1000
const QUOTES: Record<string, string> = { '"': '"', '“': '”', '「': '」', '『': '』', '”': '”' }

interface Item {
  text: string
  neg: boolean
  quoted: boolean
}

function lex(q: string): (Item | 'OR')[] {
  const out: (Item | 'OR')[] = []
  let i = 0
  let negNext = false
  const isSpace = (c: string): boolean => /\s/.test(c) || c === '\u3000'
  while (i < q.length && out.length < MAX_TERMS * 2) {
    const c = q[i]
    if (isSpace(c)) {
      i++
      continue
    }
    let neg = negNext
    negNext = false
    let j = i
    if (q[j] === '-' && j + 1 < q.length && !isSpace(q[j + 1])) {
      neg = true
      j++
    }
    const close = QUOTES[q[j]]
    if (close) {
      const end = q.indexOf(close, j + 1)
      const stop = end < 0 ? q.length : end
      out.push({ text: q.slice(j + 1, stop), neg, quoted: true })
      i = stop + 1
      continue
    }
    let k = j
    while (k < q.length && !isSpace(q[k]) && !(k > j && QUOTES[q[k]])) k++
    const word = q.slice(j, k)
    i = k
    if (!neg && (word === 'OR' || word === '|')) out.push('OR')
    else if (!neg && word === 'NOT') negNext = true
    else out.push({ text: word, neg, quoted: false })
  }
  return out
}

export function parseQuery(raw: string): ParsedQuery {
  const q = String(raw ?? '').slice(0, MAX_LENGTH)
  const groups: QueryTerm[][] = []
  const exclude: QueryTerm[] = []
  let orPending = false
  for (const item of lex(q)) {
    if (item === 'OR') {
      orPending = groups.length > 0
      continue
    }
    const tokens = termTokens(normalize(item.text))
    if (!tokens.single && !tokens.elements.length) continue
    const term: QueryTerm = { text: item.text, tokens }
    if (item.neg) exclude.push(term)
    else if (orPending) groups[groups.length - 1].push(term)
    else groups.push([term])
    orPending = false
    if (groups.length + exclude.length >= MAX_TERMS) break
  }
  return { groups, exclude }
}

/** Every positive term (for snippets). */
export function positiveTerms(q: ParsedQuery): QueryTerm[] {
  return q.groups.flat()
}
