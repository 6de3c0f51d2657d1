// One model, one writer per format; files are written to a temporary name beside the target and
// renamed into place, so a failed or cancelled export never leaves a partial file.
import fs from 'node:fs'
import path from 'node:path'
import { randomBytes } from 'node:crypto'
import { EXPORT_FORMATS, type ExportFormat } from '../../common/export'
import { AppError } from '../../common/errors'
import type { ExportModel } from './model'
import { renderCsv } from './csv'
import { renderDocx } from './docx'
import { renderHtml } from './html'
import { renderJson } from './json'
import { renderMarkdown } from './md'
import { renderXlsx } from './xlsx'
import { chromiumPrinter, type PdfPrinter } from './pdf'

export function checkFormat(format: string): ExportFormat {
  if (!(EXPORT_FORMATS as readonly string[]).includes(format)) {
    throw new AppError('errors.export.unknownFormat', { format, formats: EXPORT_FORMATS.join(', ') }, `unknown export format "${format}" (use ${EXPORT_FORMATS.join(', ')})`)
  }
  return format as ExportFormat
}

export async function renderExport(model: ExportModel, format: ExportFormat, printPdf?: PdfPrinter): Promise<Buffer> {
  switch (format) {
    case 'docx':
      return renderDocx(model)
    case 'xlsx':
      return renderXlsx(model)
    case 'csv':
      return renderCsv(model)
    case 'md':
      return renderMarkdown(model)
    case 'json':
      return renderJson(model)
    case 'pdf':
      return (printPdf ?? chromiumPrinter())(renderHtml(model))
  }
}

/** Refuses before any work is done: an existing file (without force) or a folder that is not there. */
export function checkTarget(file: string, force: boolean): string {
  const target = path.resolve(file)
  const st = fs.statSync(target, { throwIfNoEntry: false })
  if (st?.isDirectory()) throw new AppError('errors.export.isFolder', { path: target }, `${target} is a folder; give a file name`)
  if (st && !force) throw new AppError('errors.export.exists', { path: target }, `${target} already exists (use --force to replace it)`)
  const dir = path.dirname(target)
  if (!fs.statSync(dir, { throwIfNoEntry: false })?.isDirectory()) throw new AppError('errors.export.noFolder', { path: dir }, `the folder ${dir} does not exist`)
  return target
}

/** Write bytes to `file` atomically (temp file in the same folder, fsync, rename). */
export function writeAtomic(file: string, bytes: Buffer, force: boolean): void {
  const target = checkTarget(file, force)
  const tmp = path.join(path.dirname(target), `.${path.basename(target)}.${randomBytes(4).toString('hex')}.tmp`)
  try {
    const fd = fs.openSync(tmp, 'wx')
    try {
      fs.writeFileSync(fd, bytes)
      fs.fsyncSync(fd)
    } finally {
      fs.closeSync(fd)
    }
    if (!force && fs.existsSync(target)) throw new AppError('errors.export.exists', { path: target }, `${target} already exists (use --force to replace it)`)
    fs.renameSync(tmp, target)
  } catch (e) {
    fs.rmSync(tmp, { force: true })
    if (e instanceof AppError) throw e
    const reason = (e as NodeJS.ErrnoException).code ?? (e as Error).message
    throw new AppError('errors.export.unwritable', { path: target, reason }, `cannot write ${target}: ${(e as Error).message}`)
  }
}
