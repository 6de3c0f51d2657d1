// Reading browser File objects for import.files: base64 in batches that respect the contract's
// limits (1000 files per call) and keep each request well under serve's 150 MB body limit.
export const MAX_FILE_BYTES = 100 * 1024 * 1024
const MAX_BATCH_BYTES = 40 * 1024 * 1024
const MAX_BATCH_FILES = 1000

export function readBase64(file: Blob): Promise<string> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader()
    reader.onerror = () => reject(reader.error ?? new Error('could not read the file'))
    reader.onload = () => {
      const url = String(reader.result ?? '')
      resolve(url.slice(url.indexOf(',') + 1))
    }
    reader.readAsDataURL(file)
  })
}

/** Groups files into batches; files over MAX_FILE_BYTES are returned apart so they can be reported. */
export function batchFiles<F extends { size: number }>(files: F[]): { batches: F[][]; tooLarge: F[] } {
  const batches: F[][] = []
  const tooLarge: F[] = []
  let current: F[] = []
  let bytes = 0
  for (const f of files) {
    if (f.size > MAX_FILE_BYTES) {
      tooLarge.push(f)
      continue
    }
    if (current.length && (current.length >= MAX_BATCH_FILES || bytes + f.size > MAX_BATCH_BYTES)) {
      batches.push(current)
      current = []
      bytes = 0
    }
    current.push(f)
    bytes += f.size
  }
  if (current.length) batches.push(current)
  return { batches, tooLarge }
}
