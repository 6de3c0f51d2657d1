// The font table of the .docx: the `docx` package leaves it empty, so a machine without 仿宋 or 黑体
// would substitute whatever it likes (often a Japanese sans-serif). Each font is listed with its
// fallbacks as alternative names, the GB2312 charset and its family (serif or sans), which Word and
// LibreOffice use to pick a Chinese font of the same kind.
import JSZip from 'jszip'
import { FONT_STACKS, type FontRole } from './style'

const FAMILY: Record<FontRole, 'roman' | 'swiss'> = { title: 'roman', heading: 'swiss', subheading: 'roman', body: 'roman', latin: 'roman' }

function esc(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;')
}

export function fontTableXml(): string {
  const fonts = (Object.keys(FONT_STACKS) as FontRole[]).map((role) => {
    const [name, ...fallbacks] = FONT_STACKS[role]
    const charset = role === 'latin' ? '00' : '86'
    return `<w:font w:name="${esc(name)}">${fallbacks.length ? `<w:altName w:val="${esc(fallbacks.join(','))}"/>` : ''}<w:charset w:val="${charset}"/><w:family w:val="${FAMILY[role]}"/><w:pitch w:val="variable"/></w:font>`
  })
  return `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:fonts xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">${fonts.join('')}</w:fonts>`
}

/** Replace the package's empty font table with ours. */
export async function withFontTable(docx: Buffer): Promise<Buffer> {
  const zip = await JSZip.loadAsync(docx)
  zip.file('word/fontTable.xml', fontTableXml())
  return zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE' })
}
