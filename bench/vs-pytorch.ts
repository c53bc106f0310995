/**
 * tf.js on the best CPU backend LayerLab would choose against PyTorch on the CPU (Debian's
 * python3-torch), for the course's lesson, a character LSTM(128) over 40 steps and a small CNN:
 * same model, batch size and optimiser (Adam, 0.001). tf.js runs each network twice, side by side:
 * as a bare script writes it (tf.js' own recurrent layers) and as LayerLab runs it (the same
 * layers fused, layers/fused-recurrent.ts). PyTorch runs from bench/pytorch_baseline.py in the same
 * invocation, interleaved with the tf.js runs, under each BLAS Debian can give it and with 2
 * threads and 1.
 *
 *   npx tsx bench/vs-pytorch.ts [--rounds N] [--only lesson|lstm|cnn]
 */
import * as tf from '@tensorflow/tfjs';
import { spawnSync } from 'node:child_process';
import { availableParallelism, loadavg } from 'node:os';
import { parseArgs } from 'node:util';
import type { LayerKind } from '../shared/layers/registry';
import { planBackends, type BackendEnvironment } from '../shared/training/backends';
import { installFastKernels } from '../shared/training/fast-kernels';
import { fuseRecurrentLayers } from '../shared/layers/fused-recurrent';
import { blasBuilds, python } from './torch-blas';
import { figure, markdownTable, median, spread } from './stats';
import { backendDetail, useBackend, type CpuBackend } from './tfjs-backend';
import { charLstmCase, charWindow, cnnCase, lessonCase, type BareCase } from './train-cases';
import { timeBare, type TimedRun } from './train-runs';

const { values: options } = parseArgs({
  options: { rounds: { type: 'string' }, only: { type: 'string' } },
});
const rounds = options.rounds ? Number(options.rounds) : 3;

interface TorchSetup {
  label: string;
  libraryPath: string;
  threads: number;
}

const torchSetups: TorchSetup[] = blasBuilds.flatMap((build) =>
  [2, 1].map((threads) => ({ ...build, label: `${build.label}, ${threads} thread${threads > 1 ? 's' : ''}`, threads })),
);

interface Matchup {
  key: 'lesson' | 'lstm' | 'cnn';
  tfCase: BareCase;
  warmUp: BareCase;
  kinds: LayerKind[];
  /**
   * The same network and batch for pytorch_baseline.py. Samples per second do not hang on how
   * many there are, so the CNN gets more images there (it is fast) to be timed over a while.
   */
  torchArgs: string[];
}

const lstm = charLstmCase(256, 2);
const vocabulary = lstm.dataset.target.kind === 'class' ? lstm.dataset.target.labels.length : 0;
const matchups: Matchup[] = [
  {
    key: 'lesson',
    tfCase: lessonCase(300),
    warmUp: lessonCase(30),
    kinds: ['Input', 'SimpleRNN', 'Dense'],
    torchArgs: ['--epochs', '300', '--batch', '32'],
  },
  {
    key: 'lstm',
    tfCase: lstm,
    warmUp: charLstmCase(64, 1),
    kinds: ['Input', 'LSTM', 'Dense'],
    // One epoch there: on two threads of a busy machine PyTorch can be slower than tf.js.
    torchArgs: [
      '--samples',
      '256',
      '--epochs',
      '1',
      '--batch',
      '64',
      '--vocabulary',
      String(vocabulary),
      '--window',
      String(charWindow),
    ],
  },
  {
    key: 'cnn',
    tfCase: cnnCase(128, 1),
    warmUp: cnnCase(32, 1),
    kinds: ['Input', 'Conv2D', 'MaxPooling2D', 'Flatten', 'Dense'],
    torchArgs: ['--samples', '1024', '--epochs', '2', '--batch', '32'],
  },
].filter((matchup) => !options.only || matchup.key === options.only) as Matchup[];

/** This machine as the worker would find it here: no GPU, WASM available. */
const noGpu: BackendEnvironment = {
  webgpu: { available: false, software: false, adapter: '' },
  webgl: { available: false, software: false, renderer: '' },
  wasm: true,
};

// The kernels LayerLab adds to tf.js, as a run installs them: the plan counts on them (a CNN trains on WASM).
installFastKernels(tf);

function chosenBackend(kinds: LayerKind[]): CpuBackend {
  const best = planBackends(noGpu, kinds, 'auto')[0]?.name;
  if (best !== 'wasm' && best !== 'cpu') throw new Error(`LayerLab chose ${best}, not a CPU backend`);
  return best;
}

/** The same network as LayerLab runs it: its recurrent layers fused. */
function asLayerLab(bare: BareCase): BareCase {
  return {
    ...bare,
    bareModel: (module) => {
      const model = bare.bareModel(module);
      fuseRecurrentLayers(module, model);
      return model;
    },
  };
}

interface TorchRun {
  torch: string;
  blas: string[];
  threads: number;
  samples: number;
  seconds: number;
  samplesPerSecond: number;
  samplesPerCpuSecond: number;
}

function isTorchRun(value: unknown): value is TorchRun {
  if (typeof value !== 'object' || value === null) return false;
  const run = value as Record<string, unknown>;
  return typeof run.torch === 'string' && typeof run.samplesPerSecond === 'number' && Array.isArray(run.blas);
}

function runTorch(matchup: Matchup, setup: TorchSetup): TorchRun {
  const args = ['bench/pytorch_baseline.py', '--model', matchup.key, ...matchup.torchArgs];
  const result = spawnSync(python, [...args, '--threads', String(setup.threads), '--json'], {
    encoding: 'utf8',
    env: { ...process.env, LD_LIBRARY_PATH: setup.libraryPath },
    timeout: 120_000,
  });
  if (result.status !== 0) throw new Error(`${python} ${args.join(' ')} failed: ${result.stderr || result.error}`);
  const parsed: unknown = JSON.parse(result.stdout);
  if (!isTorchRun(parsed)) throw new Error(`unexpected output from pytorch_baseline.py: ${result.stdout}`);
  return parsed;
}

const load = () =>
  loadavg()
    .map((value) => value.toFixed(1))
    .join(' ');
console.log(`load average at the start: ${load()} (${availableParallelism()} cores)`);
const started = performance.now();
const rows: string[][] = [];
let torchVersion = '';
for (const matchup of matchups) {
  const backend = chosenBackend(matchup.kinds);
  await useBackend(backend);
  await timeBare(matchup.warmUp);
  const ours: TimedRun[] = [];
  const stock: TimedRun[] = [];
  const layerLab = asLayerLab(matchup.tfCase);
  const theirs = new Map<string, TorchRun[]>(torchSetups.map((setup) => [setup.label, []]));
  for (let round = 0; round < rounds; round += 1) {
    const runTf = async () => {
      if (round % 2 === 0) {
        stock.push(await timeBare(matchup.tfCase));
        ours.push(await timeBare(layerLab));
      } else {
        ours.push(await timeBare(layerLab));
        stock.push(await timeBare(matchup.tfCase));
      }
    };
    const runTorchAll = () => {
      for (const setup of round % 2 === 0 ? torchSetups : [...torchSetups].reverse())
        theirs.get(setup.label)?.push(runTorch(matchup, setup));
    };
    if (round % 2 === 0) {
      await runTf();
      runTorchAll();
    } else {
      runTorchAll();
      await runTf();
    }
  }
  const tfSpeed = ours.map((run) => run.samplesPerSecond);
  const tfCpuSpeed = ours.map((run) => run.samplesPerCpuSecond);
  const stockSpeed = stock.map((run) => run.samplesPerSecond);
  const overStock = tfSpeed.map((speed, index) => speed / (stockSpeed[index] ?? NaN));
  console.log(`\n${matchup.tfCase.name}`);
  console.log(
    `  tf.js ${backendDetail(backend)}: as LayerLab runs it ${spread(tfSpeed)} samples/s (${spread(tfCpuSpeed)} per CPU second); ` +
      `tf.js' own layers ${spread(stockSpeed)}; LayerLab ÷ tf.js ${spread(overStock)}`,
  );
  for (const setup of torchSetups) {
    const runs = theirs.get(setup.label) ?? [];
    torchVersion = runs[0]?.torch ?? torchVersion;
    const byWall = tfSpeed.map((speed, index) => speed / (runs[index]?.samplesPerSecond ?? NaN));
    const byCpu = tfCpuSpeed.map((speed, index) => speed / (runs[index]?.samplesPerCpuSecond ?? NaN));
    console.log(
      `  PyTorch ${setup.label} (${runs[0]?.blas.join(', ')}): ${spread(runs.map((run) => run.samplesPerSecond))} samples/s; ` +
        `LayerLab ÷ PyTorch ${spread(byWall)}, per CPU second ${spread(byCpu)}`,
    );
    rows.push([
      matchup.tfCase.name,
      backend,
      spread(stockSpeed),
      spread(tfSpeed),
      figure(median(overStock)),
      `PyTorch ${setup.label}`,
      spread(runs.map((run) => run.samplesPerSecond)),
      `**${figure(median(byWall))}** (${figure(Math.min(...byWall))}–${figure(Math.max(...byWall))})`,
      figure(median(byCpu)),
    ]);
  }
}
console.log(
  `\n${markdownTable(
    [
      'model',
      'tf.js backend',
      'tf.js’ own layers, samples/s',
      'LayerLab, samples/s',
      'LayerLab ÷ tf.js',
      'PyTorch on',
      'PyTorch samples/s',
      'ratio LayerLab ÷ PyTorch',
      'ratio per CPU second',
    ],
    rows,
  )}`,
);
const seconds = ((performance.now() - started) / 1000).toFixed(0);
console.log(
  `\n${seconds} s in all; load average at the end: ${load()}; tf.js ${tf.version.tfjs}, PyTorch ${torchVersion}, ` +
    `Node ${process.versions.node}, ${rounds} rounds`,
);
