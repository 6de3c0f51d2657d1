// Every reason an input can be refused for, in one catalogue: a code (the renderer words it from
// i18n `errors.import.<code>`), its parameters, and the English sentence the command line prints.
import type { ErrorParams } from '../../common/errors'

type P = Record<string, string | number>

export const REASONS = {
  empty: () => 'the file is empty',
  noText: () => 'the file holds no text to import',
  binary: () => 'the file is binary data, not text',
  encoding: () => 'the text encoding could not be determined',
  unknownEncoding: (p: P) => `unknown text encoding "${p.encoding}"`,
  pdfNoHeader: () => 'not a valid PDF file (no PDF header)',
  pdfDamaged: () => 'not a valid PDF file (the file is truncated or damaged)',
  pdfPassword: () => 'the PDF is password-protected',
  docInvalid: () => 'not a valid Word 97-2003 document (.doc)',
  docDamaged: () => 'not a valid Word 97-2003 document (the file is truncated or damaged)',
  docxNotPackage: () => 'not a valid Word document (the file is not a .docx package)',
  docxDamaged: () => 'not a valid Word document (the file is truncated or damaged)',
  docxNoBody: () => 'not a valid Word document (the package has no document body)',
  rtfInvalid: () => 'not a valid RTF document',
  mhtmlNoHeaders: () => 'not a valid MHTML web archive (no MIME headers)',
  mhtmlNoPage: () => 'the MHTML web archive contains no web page',
  zipDamaged: () => 'not a valid zip archive (the file is truncated or damaged)',
  zipBomb: (p: P) => `the zip archive ${p.zip} was refused: ${p.what} (a "zip bomb" or a damaged archive)`,
  zipMemberUnreadable: () => 'a member of the zip archive could not be read (damaged or unsupported compression)',
  zipMemberDamaged: () => 'a member of the zip archive is damaged',
  zipEncrypted: () => 'the file is encrypted in the zip archive (password-protected)',
  zipNoDocuments: () => 'the zip archive contains no documents',
  unsupportedType: (p: P) => `unsupported file type (${p.ext}); supported are txt, md, docx, doc, pdf, html, mhtml and zip`,
  tooLarge: (p: P) => `file is too large (${p.size}; the limit is ${p.limit})`,
  fileMissing: () => 'the file does not exist (it may have been moved or deleted)',
  folderMissing: () => 'the folder does not exist (it may have been moved or deleted)',
  permission: () => 'the file could not be read (permission denied)',
  folderPermission: () => 'the folder could not be read (permission denied)',
  linkLoop: () => 'symbolic link loop (the link points back to itself)',
  folderLoop: () => 'symbolic link loop (this folder links back to a folder already being read)',
  isFolder: () => 'this is a folder, not a file',
  ioError: () => 'the file could not be read (disk input/output error)',
  nameTooLong: () => 'the file name is too long',
  notRegular: () => 'not a regular file (a device, pipe or socket)',
  unreadable: (p: P) => (p.detail ? `the file could not be read (${p.detail})` : 'the file could not be read'),
  folderUnreadable: (p: P) => `the folder could not be read (${p.detail})`,
  unprocessable: () => 'the file could not be processed',
  extractFailed: (p: P) => `the document's fields could not be extracted (${p.detail})`,
  unexpected: (p: P) => `unexpected problem while importing (${p.detail})`,
  workerStopped: (p: P) => `the import worker stopped (${p.detail})`,
  duplicate: () => 'the same text is already in the archive',
  duplicateTrashed: () => 'the same text is already in the archive, in the trash',
  duplicateRestored: () => 'the same text was in the trash; that document has been restored from the trash',
  storeFailed: (p: P) => `the document could not be stored (${p.detail})`,
  importStopped: (p: P) => `the import stopped: ${p.detail}`,
  reprocessStopped: (p: P) => `re-processing stopped: ${p.detail}`,
  diskFull: () => 'the disk is full; the archive is unchanged and the work can continue once space is freed'
} satisfies Record<string, (p: P) => string>

export type ReasonCode = keyof typeof REASONS

/** A reason as it travels: the English sentence, and the code and parameters the interface words. */
export interface Reason {
  reason: string
  reasonKey: string
  reasonParams: ErrorParams
}

export function reasonKey(code: ReasonCode): string {
  return `errors.import.${code}`
}

export function reasonOf(code: ReasonCode, params: ErrorParams = {}): Reason {
  return { reason: REASONS[code](params), reasonKey: reasonKey(code), reasonParams: params }
}

/** Why a whole job stopped: a full disk in its own words (the job can go on once space is freed), else `code` with the detail. */
export function stoppedBy(code: 'importStopped' | 'reprocessStopped', err: unknown): Reason {
  const key = (err as { key?: unknown } | null)?.key
  if (key === reasonKey('diskFull')) return reasonOf('diskFull')
  return reasonOf(code, { detail: err instanceof Error ? err.message : String(err) })
}

/** A path that could not be read, with its reason (the reader yields these instead of throwing). */
export interface ReadError extends Reason {
  path: string
  /** The English sentence (as `reason`): kept under this name for the readers' callers. */
  error: string
}

export function readError(path: string, code: ReasonCode, params: ErrorParams = {}): ReadError {
  const r = reasonOf(code, params)
  return { path, error: r.reason, ...r }
}
