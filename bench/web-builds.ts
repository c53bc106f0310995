/**
 * What the benchmarks that open data in two builds of the web app side by side share: serving a
 * build, and reading the window's memory.
 */
import path from 'node:path';
import type { CDPSession } from 'playwright-core';
import { preview } from 'vite';

/** Serves a build of the web app (its dist folder) on `port`; the server and its address. */
export async function serve(dist: string, port: number) {
  const server = await preview({
    configFile: path.join(process.cwd(), 'renderer', 'vite.config.ts'),
    build: { outDir: dist },
    preview: { port, host: '127.0.0.1', strictPort: true, open: false },
    logLevel: 'silent',
  });
  return { server, address: `http://127.0.0.1:${port}/` };
}

/** The window's heap and array buffers in use after a garbage collection, in bytes. */
export async function memoryOf(session: CDPSession): Promise<number> {
  await session.send('HeapProfiler.collectGarbage');
  const usage = (await session.send('Runtime.getHeapUsage')) as { usedSize: number; backingStorageSize?: number };
  return usage.usedSize + (usage.backingStorageSize ?? 0);
}
