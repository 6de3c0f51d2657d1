// DOM → plain text that keeps the document's block structure (one paragraph per line), so that
// later stages (cleaning, splitting, title detection) can work line by line.
// Works on any DOM that linkedom produces; no browser needed.

const BLOCK = new Set([
  'ADDRESS', 'ARTICLE', 'ASIDE', 'BLOCKQUOTE', 'BR', 'CAPTION', 'CENTER', 'DD', 'DIV', 'DL', 'DT', 'FIELDSET',
  'FIGCAPTION', 'FIGURE', 'FOOTER', 'FORM', 'H1', 'H2', 'H3', 'H4', 'H5', 'H6', 'HEADER', 'HR', 'LI', 'MAIN',
  'NAV', 'OL', 'P', 'PRE', 'SECTION', 'TABLE', 'TBODY', 'THEAD', 'TFOOT', 'TR', 'UL', 'BODY', 'HTML'
])
const SKIP = new Set(['SCRIPT', 'STYLE', 'NOSCRIPT', 'TEMPLATE', 'SVG', 'IFRAME', 'OBJECT', 'HEAD', 'TITLE', 'META', 'LINK', 'BUTTON', 'SELECT', 'INPUT', 'TEXTAREA'])
const CELL = new Set(['TD', 'TH'])

interface DomNode {
  nodeType: number
  nodeName: string
  nodeValue?: string | null
  childNodes: ArrayLike<DomNode>
}

/** Text of a DOM subtree with newlines between blocks and tabs between table cells. */
export function domToText(root: DomNode): string {
  const out: string[] = []
  const walk = (n: DomNode): void => {
    if (n.nodeType === 3) {
      out.push((n.nodeValue ?? '').replace(/[ \t\r\n\f]+/g, ' '))
      return
    }
    if (n.nodeType !== 1 && n.nodeType !== 9 && n.nodeType !== 11) return
    const name = n.nodeName.toUpperCase()
    if (SKIP.has(name)) return
    const block = BLOCK.has(name)
    if (block) out.push('\n')
    if (name === 'PRE') {
      out.push(textOf(n))
    } else {
      for (let i = 0; i < n.childNodes.length; i++) walk(n.childNodes[i])
    }
    if (CELL.has(name)) out.push('\t')
    if (block) out.push('\n')
  }
  walk(root)
  return out
    .join('')
    .split('\n')
    .map((l) => l.replace(/\u00a0/g, ' ').trim())
    .filter((l, i, a) => l !== '' || (i > 0 && a[i - 1] !== ''))
    .join('\n')
    .trim()
}

function textOf(n: DomNode): string {
  if (n.nodeType === 3) return n.nodeValue ?? ''
  let s = ''
  for (let i = 0; i < n.childNodes.length; i++) s += textOf(n.childNodes[i])
  return s
}
