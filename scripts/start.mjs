#!/usr/bin/env node
// Starts LayerLab: the Electron app where its binary can be had, otherwise the web build on
// localhost. Usage: node scripts/start.mjs [--web] [--no-build] [--port N]
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const args = process.argv.slice(2);
const webOnly = args.includes('--web');
const skipBuild = args.includes('--no-build');
const portIndex = args.indexOf('--port');
const port = portIndex >= 0 ? Number(args[portIndex + 1]) : 5173;
// The Node.js package.json asks for (what its dependencies ask for): said once here, rather than
// left to npm's warnings about each package that asks for it.
const wanted = JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8')).engines.node;
const semver = createRequire(import.meta.url)('semver');
if (!semver.satisfies(process.version, wanted)) {
  const oldest = semver.minVersion(wanted);
  console.log(
    `LayerLab: it is built for Node.js ${oldest.major}.${oldest.minor} or newer and this is ${process.version}; if anything fails, update Node.js first.`,
  );
}

/** How long Electron gets to show it can run before we call it a failed start. */
const electronStartGraceMs = 8000;

function run(command, commandArgs) {
  const result = spawnSync(command, commandArgs, { cwd: root, stdio: 'inherit' });
  if (result.status !== 0) {
    console.error(`LayerLab: "${command} ${commandArgs.join(' ')}" failed; see the output above.`);
    process.exit(result.status ?? 1);
  }
}

function buildRenderer() {
  if (skipBuild && existsSync(path.join(root, 'dist', 'index.html'))) return;
  run(process.execPath, [
    path.join(root, 'node_modules', 'vite', 'bin', 'vite.js'),
    'build',
    '--config',
    'renderer/vite.config.ts',
    '--logLevel',
    'warn',
  ]);
}

/**
 * The Electron binary's path, downloading it first if it is missing. Returns the reason instead
 * when it cannot be had (no network, unsupported platform, a broken install).
 */
function findElectron() {
  const electronDir = path.dirname(createRequire(import.meta.url).resolve('electron/package.json'));
  const pathFile = path.join(electronDir, 'path.txt');
  const binaryPath = () =>
    existsSync(pathFile) ? path.join(electronDir, 'dist', readFileSync(pathFile, 'utf8').trim()) : null;
  let binary = binaryPath();
  if (binary && existsSync(binary)) return { binary };
  const download = spawnSync(process.execPath, [path.join(electronDir, 'install.js')], {
    cwd: electronDir,
    encoding: 'utf8',
    timeout: 180_000,
  });
  binary = binaryPath();
  if (download.status === 0 && binary && existsSync(binary)) return { binary };
  const output = `${download.stderr ?? ''}\n${download.stdout ?? ''}`;
  const reason =
    output
      .split('\n')
      .map((line) => line.trim())
      .find((line) => /error|fail|ENOTFOUND|ECONN|EAI_AGAIN/i.test(line)) ??
    (download.error ? String(download.error.message) : 'the download did not finish');
  return { reason: reason.slice(0, 160) };
}

async function serveWeb(why) {
  const { preview } = await import('vite');
  const server = await preview({
    configFile: path.join(root, 'renderer', 'vite.config.ts'),
    logLevel: 'warn',
    preview: { port, host: '127.0.0.1', strictPort: portIndex >= 0, open: false },
  });
  const address = server.resolvedUrls?.local[0] ?? `http://127.0.0.1:${port}/`;
  if (why) console.log(`LayerLab: ${why}; serving the web build instead.`);
  console.log(`LayerLab is running at ${address}  (Ctrl+C to stop)`);
}

function startElectron(binary) {
  return new Promise((resolve) => {
    const child = spawn(binary, [root], { cwd: root, stdio: ['ignore', 'inherit', 'pipe'] });
    let stderr = '';
    let settled = false;
    child.stderr.on('data', (chunk) => {
      stderr += chunk;
      process.stderr.write(chunk);
    });
    const timer = setTimeout(() => {
      settled = true;
      resolve({ running: true });
    }, electronStartGraceMs);
    child.on('error', (error) => {
      if (settled) return;
      clearTimeout(timer);
      settled = true;
      resolve({ running: false, reason: error.message });
    });
    child.on('exit', (code, signal) => {
      if (settled) {
        process.exit(code ?? (signal ? 1 : 0));
        return;
      }
      clearTimeout(timer);
      settled = true;
      const lastLine = stderr.trim().split('\n').pop() ?? '';
      resolve({
        running: false,
        reason: `it exited at start (${signal ?? `code ${code}`}${lastLine ? `: ${lastLine.slice(0, 120)}` : ''})`,
      });
    });
  });
}

buildRenderer();
if (webOnly) {
  await serveWeb(null);
} else {
  run(process.execPath, [path.join(root, 'scripts', 'build-electron.mjs')]);
  const found = findElectron();
  if (!found.binary) {
    await serveWeb(`the Electron binary could not be obtained (${found.reason})`);
  } else {
    const started = await startElectron(found.binary);
    if (!started.running) await serveWeb(`Electron could not start: ${started.reason}`);
  }
}
