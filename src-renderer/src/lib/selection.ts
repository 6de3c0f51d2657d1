// Maps the browser selection to character offsets of the record's text. The text pane renders the
// text as plain text nodes and <mark> segments in order, so the offset of a DOM position is the
// length of all text before it inside the pane (Vue's empty fragment anchors count as zero).

export interface TextRange {
  start: number
  end: number
}

/** Characters of `root`'s text that come before (node, offset); null when node is outside root. */
export function offsetIn(root: Node, node: Node, offset: number): number | null {
  if (node !== root && !root.contains(node)) return null
  // A position given as (element, child index): count the text of the children before it.
  if (node.nodeType !== Node.TEXT_NODE) {
    let n = 0
    const kids = Array.from(node.childNodes).slice(0, offset)
    for (const k of kids) n += k.textContent?.length ?? 0
    const before = node === root ? 0 : textBefore(root, node)
    return before === null ? null : before + n
  }
  const before = textBefore(root, node)
  return before === null ? null : before + offset
}

function textBefore(root: Node, target: Node): number | null {
  let n = 0
  const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT)
  for (let cur = walker.nextNode(); cur; cur = walker.nextNode()) {
    if (cur === target) return n
    // An element target: stop at the first text inside or after it.
    if (target.nodeType !== Node.TEXT_NODE && target.compareDocumentPosition(cur) & Node.DOCUMENT_POSITION_FOLLOWING) return n
    n += cur.textContent?.length ?? 0
  }
  return target.nodeType !== Node.TEXT_NODE ? n : null
}

/** The selection inside `root` as text offsets (start ≤ end; equal for a caret); null when outside. */
export function selectionIn(root: Node, sel: Selection | null): TextRange | null {
  if (!sel || sel.rangeCount === 0 || !sel.anchorNode || !sel.focusNode) return null
  const a = offsetIn(root, sel.anchorNode, sel.anchorOffset)
  const f = offsetIn(root, sel.focusNode, sel.focusOffset)
  if (a === null || f === null) return null
  return { start: Math.min(a, f), end: Math.max(a, f) }
}
