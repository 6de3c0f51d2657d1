// `serve`: the interface in a browser, on 127.0.0.1, until interrupted; then the archive is flushed.
import type { ParsedCommandLine } from '../args'
import { withArchive } from './open-archive'
import { startServer } from '../../serve/server'
import { locateRenderer } from '../../serve/locate-renderer'
import { EventBus } from '../../services/event-bus'
import { ApiService } from '../../services/api-service'
import { APP_VERSION } from '../../version'

export async function serveCommand(p: ParsedCommandLine): Promise<number> {
  const rendererDir = locateRenderer()
  return withArchive(p.archive, 'write', async (archive) => {
    const bus = new EventBus()
    const api = new ApiService(archive, bus, { mode: 'serve', version: APP_VERSION })
    const server = await startServer({ api, bus, rendererDir, port: p.port })
    api.startBackgroundWork()
    process.stdout.write(`${server.url}\n`)
    process.stderr.write(`Policy Archive is served at ${server.url} (archive: ${archive.layout.dir}); press Ctrl+C to stop.\n`)
    await new Promise<void>((resolve) => {
      const stop = (): void => resolve()
      process.once('SIGINT', stop)
      process.once('SIGTERM', stop)
    })
    await api.shutdown()
    await server.close()
    return 0
  })
}
