// Three builds in one config: main (the Electron shell and the command line, CommonJS), the sandboxed
// preload, and the Vue renderer.
import { resolve } from 'node:path'
import { defineConfig } from 'electron-vite'
import vue from '@vitejs/plugin-vue'

export default defineConfig({
  main: {
    build: {
      outDir: 'out/main',
      rollupOptions: {
        input: {
          index: resolve(__dirname, 'src-main/electron/main.ts'),
          cli: resolve(__dirname, 'src-main/node/cli/main.ts'),
          // Worker threads load their own entry file (see workers/start.ts).
          'pipeline-worker': resolve(__dirname, 'src-main/node/workers/pipeline-worker.ts'),
          'snapshot-worker': resolve(__dirname, 'src-main/node/workers/snapshot-worker.ts')
        }
      }
    }
  },
  preload: {
    build: {
      outDir: 'out/preload',
      rollupOptions: { input: { index: resolve(__dirname, 'src-main/electron/preload.ts') } }
    }
  },
  renderer: {
    root: resolve(__dirname, 'src-renderer'),
    resolve: {
      alias: {
        '@common': resolve(__dirname, 'src-main/common'),
        '@': resolve(__dirname, 'src-renderer/src')
      }
    },
    plugins: [vue()],
    build: {
      outDir: resolve(__dirname, 'out/renderer'),
      rollupOptions: { input: resolve(__dirname, 'src-renderer/index.html') },
      chunkSizeWarningLimit: 2000
    }
  }
})
