/**
 * In-app training throughput against a bare tf.js script, on the same backend, model and data.
 * LayerLab's path is prepareRun + trainModel with callbacks doing what the worker does; the bare
 * script is model.compile + model.fit with no callbacks. After a warm-up, the two alternate
 * (A/B, then B/A) for several rounds; the ratio LayerLab ÷ bare is taken per round, by CPU time
 * (both backends compute on this one thread; on a shared machine the wall clock mostly measures
 * the neighbours). Target: at least 0.95 (the app costs under 5 %).
 *
 *   npx tsx bench/train-throughput.ts [--backend wasm|cpu] [--rounds N] [--profile]
 *
 * `--profile` times the lesson only, with three more contenders: the bare script again (the noise
 * floor: identical runs should give 1.00), and two that split the difference (the model's
 * construction; the worker's callbacks); then it times each of trainModel's habits alone.
 */
import * as tf from '@tensorflow/tfjs';
import { availableParallelism, loadavg } from 'node:os';
import { parseArgs } from 'node:util';
import { compileGraph } from '../shared/graph/compile';
import type { TfModule } from '../shared/layers/types';
import { figure, markdownTable, median, spread } from './stats';
import { backendDetail, useBackend, type CpuBackend } from './tfjs-backend';
import { charLstmCase, lessonCase, samplesOf, type TrainCase } from './train-cases';
import { habitCosts } from './train-habits';
import { timeBare, timeLayerLab, type TimedRun } from './train-runs';

const { values: options } = parseArgs({
  options: {
    backend: { type: 'string' },
    rounds: { type: 'string' },
    profile: { type: 'boolean', default: false },
  },
});
const backends: CpuBackend[] =
  options.backend === 'cpu' || options.backend === 'wasm' ? [options.backend] : ['wasm', 'cpu'];
const roundsOverride = options.rounds ? Number(options.rounds) : undefined;

interface Plan {
  trainCase: TrainCase;
  warmUp: TrainCase;
  rounds: number;
}

/** The LSTM is 4× slower on cpu than on wasm: fewer windows there keep the script near 3 minutes. */
function plans(backend: CpuBackend): Plan[] {
  const windows = backend === 'wasm' ? 256 : 128;
  return [
    { trainCase: lessonCase(300), warmUp: lessonCase(30), rounds: roundsOverride ?? 9 },
    { trainCase: charLstmCase(windows, 2), warmUp: charLstmCase(64, 1), rounds: roundsOverride ?? 3 },
  ];
}

type Contender = { label: string; run: (trainCase: TrainCase) => Promise<TimedRun> };

const layerLab: Contender = { label: 'LayerLab', run: timeLayerLab };
const bare: Contender = { label: 'bare tf.js', run: (trainCase) => timeBare(trainCase) };

/**
 * Where LayerLab's path and the bare script differ, split: how the model is built (LayerLab's
 * compiler makes a functional tf.model, the script a tf.sequential), and trainModel with and
 * without the worker's progress callbacks. trainModel's own habits are timed alone by habitCosts.
 */
const splits: Contender[] = [
  // The same script twice: how far apart two identical contenders land here, the noise floor.
  { label: 'bare tf.js again (A/A)', run: (trainCase) => timeBare(trainCase) },
  {
    label: 'bare tf.js, model from compileGraph',
    run: (trainCase) => timeBare({ ...trainCase, bareModel: (tfModule) => compiledModel(tfModule, trainCase) }),
  },
  { label: 'LayerLab without the worker callbacks', run: (trainCase) => timeLayerLab(trainCase, false) },
];

function compiledModel(tfModule: TfModule, trainCase: TrainCase): tf.LayersModel {
  const compiled = compileGraph(trainCase.graph, tfModule, { seed: trainCase.settings.seed });
  if (!compiled.ok) throw new Error(`the ${trainCase.name} graph does not compile`);
  return compiled.model;
}

async function interleave(contenders: Contender[], plan: Plan): Promise<Map<string, TimedRun[]>> {
  for (const contender of contenders) await contender.run(plan.warmUp);
  const runs = new Map<string, TimedRun[]>(contenders.map((contender) => [contender.label, []]));
  for (let round = 0; round < plan.rounds; round += 1) {
    const order = round % 2 === 0 ? contenders : [...contenders].reverse();
    for (const contender of order) runs.get(contender.label)?.push(await contender.run(plan.trainCase));
  }
  return runs;
}

const rows: string[][] = [];
const started = performance.now();
const load = () =>
  loadavg()
    .map((value) => value.toFixed(1))
    .join(' ');
console.log(`load average at the start: ${load()} (${availableParallelism()} cores)`);
for (const backend of backends) {
  await useBackend(backend);
  console.log(`\n${backendDetail(backend)}`);
  // Profiling times five contenders: the lesson alone, where per-batch costs weigh most, suffices.
  for (const plan of options.profile ? plans(backend).slice(0, 1) : plans(backend)) {
    const contenders = options.profile ? [layerLab, bare, ...splits] : [layerLab, bare];
    const runs = await interleave(contenders, plan);
    const ours = runs.get(layerLab.label) ?? [];
    const theirs = runs.get(bare.label) ?? [];
    const ratio = (key: 'samplesPerCpuSecond' | 'samplesPerSecond') =>
      ours.map((run, round) => run[key] / (theirs[round]?.[key] ?? NaN));
    console.log(`  ${plan.trainCase.name}, ${plan.trainCase.settings.epochs} epochs:`);
    for (const [label, timed] of runs) {
      const leaks = timed.some((run) => run.leakedTensors !== 0)
        ? `, leaks ${timed[0]?.leakedTensors} tensors a run`
        : '';
      console.log(
        `    ${label}: ${spread(timed.map((run) => run.samplesPerCpuSecond))} samples per CPU second, ` +
          `${spread(timed.map((run) => run.samplesPerSecond))} per wall second${leaks}`,
      );
    }
    const byCpu = ratio('samplesPerCpuSecond');
    const byWall = ratio('samplesPerSecond');
    // Other processes only ever slow a run down: the fastest run of each is the least disturbed.
    const fastest = (timed: TimedRun[]) => Math.max(...timed.map((run) => run.samplesPerCpuSecond));
    const bestOverBest = fastest(ours) / fastest(theirs);
    const prepare = median(ours.map((run) => ('prepareSeconds' in run ? Number(run.prepareSeconds) * 1000 : NaN)));
    rows.push([
      `${plan.trainCase.name}, ${plan.trainCase.settings.epochs} epochs`,
      backend,
      String(samplesOf(plan.trainCase)),
      spread(ours.map((run) => run.samplesPerCpuSecond)),
      spread(theirs.map((run) => run.samplesPerCpuSecond)),
      `**${spread(byCpu)}**`,
      figure(bestOverBest),
      spread(byWall),
      `${figure(prepare)} ms`,
      String(plan.rounds),
    ]);
    if (options.profile) {
      for (const [label, timed] of runs) {
        if (label === layerLab.label || label === bare.label) continue;
        const versus = timed.map((run, round) => run.samplesPerCpuSecond / (theirs[round]?.samplesPerCpuSecond ?? NaN));
        console.log(`    ${label} ÷ bare tf.js: ${spread(versus)} by CPU time`);
      }
      const epochMicroseconds = (median(theirs.map((run) => run.cpuSeconds)) / plan.trainCase.settings.epochs) * 1e6;
      console.log(
        `    a bare epoch (one batch): ${figure(epochMicroseconds)} µs of CPU; LayerLab's habits, each alone:`,
      );
      for (const cost of await habitCosts(plan.trainCase)) {
        const share = (100 * cost.microseconds) / epochMicroseconds;
        console.log(`      ${cost.habit}: ${figure(cost.microseconds)} µs (${figure(share)} % of an epoch)`);
      }
    }
    const short = median(byCpu) < 0.95 ? '  ← below the 0.95 target' : '';
    console.log(
      `    ratio LayerLab ÷ bare: ${spread(byCpu)} by CPU time${short}, ${spread(byWall)} by wall clock, ` +
        `${figure(bestOverBest)} fastest run ÷ fastest run`,
    );
  }
}
console.log(
  `\n${markdownTable(
    [
      'model',
      'backend',
      'samples a run',
      'LayerLab samples/CPU-s',
      'bare tf.js samples/CPU-s',
      'ratio LayerLab ÷ bare (CPU time)',
      'fastest ÷ fastest',
      'ratio (wall clock)',
      'LayerLab prepareRun',
      'rounds',
    ],
    rows,
  )}`,
);
const seconds = ((performance.now() - started) / 1000).toFixed(0);
console.log(
  `\n${seconds} s in all; load average at the end: ${load()}; tf.js ${tf.version.tfjs}, Node ${process.versions.node}`,
);
