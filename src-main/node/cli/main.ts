// `policy-archive <command>`: the command line of CONTRACT.md. stdout carries only the result
// (JSON with --json); progress and messages go to stderr. Exit 0 ok, 1 usage/fatal, 2 some inputs failed.
import { parseCommandLine, UsageError, USAGE } from './args'
import { COMMANDS } from './commands'

export async function runCli(argv: string[]): Promise<number> {
  let parsed
  try {
    parsed = parseCommandLine(argv)
  } catch (e) {
    if (e instanceof UsageError) {
      process.stderr.write(`policy-archive: ${e.message}\n\n${USAGE}`)
      return 1
    }
    throw e
  }
  if (parsed.help || !parsed.command) {
    process.stdout.write(USAGE)
    return parsed.command || parsed.help ? 0 : 1
  }
  const command = COMMANDS[parsed.command]
  if (!command) {
    process.stderr.write(`policy-archive: unknown command "${parsed.command}"\n\n${USAGE}`)
    return 1
  }
  try {
    return await command(parsed)
  } catch (e) {
    if (e instanceof UsageError) {
      process.stderr.write(`policy-archive: ${e.message}\n`)
      return 1
    }
    process.stderr.write(`policy-archive: ${(e as Error).message ?? String(e)}\n`)
    return 1
  }
}

// Run when executed directly (tsx in a checkout, or the built out/main/cli.js).
const invokedDirectly = typeof require !== 'undefined' && require.main === module
if (invokedDirectly) {
  runCli(process.argv.slice(2)).then(
    (code) => {
      process.exitCode = code
    },
    (e) => {
      process.stderr.write(`policy-archive: ${(e as Error)?.stack ?? e}\n`)
      process.exitCode = 1
    }
  )
}
