// A document with ids on its measures (as main returns them), shared by the correction tests.
import type { DocumentRecord, Measure } from '@common/record'

export const TEXT = '一、所有入境人员实行14天集中隔离，并开展三天三检。二、暂停举办聚集性活动。三、其他事项另行通知。'

export function measure(id: string, category: string, evidence: string, extra: Partial<Measure> = {}): Measure {
  const start = TEXT.indexOf(evidence)
  if (start < 0) throw new Error(`evidence not in text: ${evidence}`)
  return { id, category, level: 3, params: {}, target: null, lifted: false, text: evidence, start, end: start + evidence.length, ...extra }
}

export function docRecord(extra: Partial<DocumentRecord> = {}): DocumentRecord {
  return {
    id: 'doc000001',
    source: { path: 'notices/n1.txt', sha256: 'x', format: 'txt', encoding: 'gb18030', part: 1, parts: 1 },
    title: '关于加强入境人员管理的通告',
    docType: 'notice',
    docTypeDetail: '通告',
    issuer: '某市疫情防控指挥部',
    docNumber: null,
    date: '2022-03-01',
    script: 'simplified',
    regions: [{ name: '长春市', code: '220100', level: 'city', province: '吉林省' }],
    measures: [measure('mq01', 'quarantine', '所有入境人员实行14天集中隔离', { params: { days: 14 } }), measure('mt01', 'testing', '三天三检')],
    text: TEXT,
    removed: [{ text: '相关链接：首页 | 政务公开', reason: 'link-list' }],
    duplicateOf: null,
    similar: [],
    tags: [],
    warnings: [],
    ...extra
  }
}

/** Selects `needle` in the text pane (it must lie within one text node) as a user would with the mouse. */
export function selectInPane(pane: Element, needle: string, collapse = false): { start: number; end: number } {
  const walker = document.createTreeWalker(pane, NodeFilter.SHOW_TEXT)
  let before = 0
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    const s = node.textContent ?? ''
    const at = s.indexOf(needle)
    if (at >= 0) {
      const end = collapse ? at : at + needle.length
      document.getSelection()!.setBaseAndExtent(node, at, node, end)
      pane.dispatchEvent(new MouseEvent('mouseup', { bubbles: true }))
      return { start: before + at, end: before + end }
    }
    before += s.length
  }
  throw new Error(`not in one text node: ${needle}`)
}
