import type { ParsedCommandLine } from '../args'
import { importCommand } from './import'
import { extractCommand } from './extract'
import { checkCommand, listCommand, showCommand, tagCommand } from './read-commands'
import { serveCommand } from './serve'
import { reprocessCommand } from './reprocess'
import { compareCommand } from './compare'
import { searchCommand } from './search'
import { exportCommand } from './export'

export const COMMANDS: Record<string, (p: ParsedCommandLine) => Promise<number>> = {
  extract: extractCommand,
  import: importCommand,
  list: listCommand,
  show: showCommand,
  tag: tagCommand,
  check: checkCommand,
  serve: serveCommand,
  reprocess: reprocessCommand,
  compare: compareCommand,
  search: searchCommand,
  export: exportCommand
}
