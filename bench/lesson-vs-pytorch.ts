/**
 * A recurrent lesson in `layerlab train` against the same lesson exported to PyTorch and run on one
 * thread (issue 18, goal 2): by default lesson 7.2, "write like Cervantes" (LSTM(32) over windows
 * of 10 characters, 30 epochs, batch 32). LayerLab is timed by its own "seconds" (the run, from
 * the first batch to the last epoch); PyTorch from the line its program prints just before
 * training ("Parameters: …") to its "FINAL" line, so neither counts starting up. PyTorch runs
 * under each BLAS Debian gives it (reference and OpenBLAS) with OMP_NUM_THREADS=1; with BASE_DIR
 * (a checkout of an earlier commit, its node_modules in place) that commit's `layerlab train`
 * runs too, side by side, in turns.
 *
 *   [ROUNDS=5] [BASE_DIR=/tmp/wt] [LESSON=templates/….json] npx tsx bench/lesson-vs-pytorch.ts
 */
import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { blasBuilds, python } from './torch-blas';
import { figure, median, spread } from './stats';

const rounds = Number(process.env.ROUNDS ?? 5);
const lesson = process.env.LESSON ?? 'templates/project-text-generation.json';
const baseDir = process.env.BASE_DIR;
/** Seconds of `layerlab train` on WASM, as the run itself reports them, from checkout `root`. */
function layerLabSeconds(root: string): { seconds: number; loss: number } {
  const result = spawnSync(
    'node',
    [path.join(root, 'cli/bin.mjs'), 'train', path.resolve(lesson), '--backend', 'wasm', '--json'],
    { encoding: 'utf8', cwd: root, timeout: 600_000 },
  );
  if (result.status !== 0) throw new Error(`layerlab train failed in ${root}: ${result.stderr}`);
  const summary = result.stdout
    .trim()
    .split('\n')
    .map((line) => JSON.parse(line) as { type: string; seconds?: number; loss?: number })
    .find((line) => line.type === 'summary');
  if (summary?.seconds === undefined) throw new Error(`no summary from layerlab train: ${result.stdout}`);
  return { seconds: summary.seconds, loss: summary.loss ?? Number.NaN };
}

/** Seconds of the exported PyTorch program's training, on one thread, with the BLAS at `libraryPath`. */
function pytorchSeconds(program: string, libraryPath: string): Promise<number> {
  return new Promise((resolve, reject) => {
    const child = spawn(python, ['-u', program], {
      cwd: path.dirname(program),
      env: { ...process.env, LD_LIBRARY_PATH: libraryPath, OMP_NUM_THREADS: '1' },
    });
    let started: number | undefined;
    let ended: number | undefined;
    let pending = '';
    child.stdout.on('data', (chunk: Buffer) => {
      const now = performance.now();
      pending += chunk.toString('utf8');
      const lines = pending.split('\n');
      pending = lines.pop() ?? '';
      for (const line of lines) {
        if (line.startsWith('Parameters:')) started = now;
        if (line.startsWith('FINAL ')) ended = now;
      }
    });
    let errors = '';
    child.stderr.on('data', (chunk: Buffer) => (errors += chunk.toString('utf8')));
    child.on('close', (code) => {
      if (code !== 0 || started === undefined || ended === undefined) reject(new Error(`PyTorch failed: ${errors}`));
      else resolve((ended - started) / 1000);
    });
  });
}

const folder = mkdtempSync(path.join(tmpdir(), 'layerlab-lesson-torch-'));
const exported = spawnSync('node', ['cli/bin.mjs', 'export', lesson, '--to', 'pytorch', '--out', folder], {
  encoding: 'utf8',
});
if (exported.status !== 0) throw new Error(`export failed: ${exported.stderr}`);
const program = path.join(folder, 'model_torch.py');

const ours: number[] = [];
const base: number[] = [];
const losses: number[] = [];
const torch = new Map<string, number[]>(blasBuilds.map((build) => [build.label, []]));
for (let round = 0; round < rounds; round += 1) {
  const runs: (() => Promise<void>)[] = [
    async () => {
      const run = layerLabSeconds(process.cwd());
      ours.push(run.seconds);
      losses.push(run.loss);
    },
    ...(baseDir ? [async () => void base.push(layerLabSeconds(baseDir).seconds)] : []),
    ...blasBuilds.map(
      (build) => async () => void torch.get(build.label)?.push(await pytorchSeconds(program, build.libraryPath)),
    ),
  ];
  for (const run of round % 2 === 0 ? runs : runs.reverse()) await run();
}

console.log(`${lesson}, ${rounds} rounds, seconds of training (median, min–max):`);
console.log(
  `  LayerLab (this checkout, WASM): ${spread(ours)} s; final loss ${losses.map((loss) => loss.toFixed(4)).join(', ')}`,
);
if (baseDir)
  console.log(`  LayerLab at ${baseDir}: ${spread(base)} s; this ÷ that speed ${figure(median(base) / median(ours))}`);
for (const [label, seconds] of torch) {
  const ratios = ours.map((mine, index) => (seconds[index] ?? Number.NaN) / mine);
  console.log(`  PyTorch, ${label}, 1 thread: ${spread(seconds)} s; LayerLab ÷ PyTorch speed ${spread(ratios)}`);
  if (baseDir) {
    const before = base.map((theirs, index) => (seconds[index] ?? Number.NaN) / theirs);
    console.log(`    (the base checkout ÷ PyTorch: ${spread(before)})`);
  }
}
