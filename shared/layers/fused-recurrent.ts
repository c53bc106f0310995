/**
 * SimpleRNN, LSTM and GRU as one operation each over the whole sequence, on tf.js' WASM backend.
 * tf.js runs a recurrent layer as a dozen small kernels per time step forward (a product with the
 * input kernel, another with the recurrent one, a bias, a split, three or four activations, the
 * products of the gates) and about twice as many backward, each paying the engine's bookkeeping:
 * the character LSTM(128) spent most of its time there, not in arithmetic. Here, as cuDNN and
 * PyTorch do it, the input kernel multiplies every step at once before the loop; each step is one
 * product with the recurrent kernel (two for GRU) and the gates in plain JavaScript over the
 * values; backward, each step is one product (two for GRU) and the kernels' gradients are single
 * products over every step after the loop. Same arithmetic as tf.js' cells, summed in another
 * order: the values agree within float tolerance, not bit for bit (a test compares them).
 *
 * Only on WASM, where reading a tensor's values is a copy out of the module's memory: on a GPU
 * backend each read would wait for the device. Anything the fused form does not cover (a mask, an
 * initial or kept state, dropout while training, an activation other than tanh, sigmoid, ReLU or
 * linear) goes to tf.js' own path. Exports (codegen) write tf.js' own layers and run on the CPU
 * backend, whose arithmetic they repeat; this changes nothing there.
 */
import type * as Tf from '@tensorflow/tfjs';
import type { TfModule } from '../layers/types.js';

/** An activation as its value and its slope, the slope read from the value it gave. */
interface Activation {
  apply(x: number): number;
  slopeAt(y: number): number;
}

const activations: Record<string, Activation> = {
  tanh: { apply: (x) => 1 - 2 / (Math.exp(2 * x) + 1), slopeAt: (y) => 1 - y * y },
  sigmoid: { apply: (x) => 1 / (1 + Math.exp(-x)), slopeAt: (y) => y * (1 - y) },
  relu: { apply: (x) => (x > 0 ? x : 0), slopeAt: (y) => (y > 0 ? 1 : 0) },
  linear: { apply: (x) => x, slopeAt: () => 1 },
  // tf.js' own default for LSTM and GRU gates (Keras' before 2.3): clip(0.2·x + 0.5, 0, 1).
  hardSigmoid: { apply: (x) => Math.min(1, Math.max(0, 0.2 * x + 0.5)), slopeAt: (y) => (y > 0 && y < 1 ? 0.2 : 0) },
};

export type FusedCell = 'simpleRNN' | 'lstm' | 'gru';

/** How many blocks of `units` the kernels hold, per cell. */
const gateCount: Record<FusedCell, number> = { simpleRNN: 1, lstm: 4, gru: 3 };

/** The parts of a tf.js recurrent layer and its cell the fused form reads. */
interface RecurrentLayer {
  cell: {
    units: number;
    activation: { getClassName(): string };
    recurrentActivation?: { getClassName(): string };
    useBias: boolean;
    dropout: number;
    recurrentDropout: number;
    kernel: Tf.LayerVariable;
    recurrentKernel: Tf.LayerVariable;
    bias?: Tf.LayerVariable | null;
  };
  returnSequences: boolean;
  returnState: boolean;
  goBackwards: boolean;
  stateful: boolean;
  call(inputs: Tf.Tensor | Tf.Tensor[], kwargs: Record<string, unknown>): Tf.Tensor | Tf.Tensor[];
}

/** The sizes of one call: batch, steps, features in, units, and the gates' width. */
interface Sizes {
  batch: number;
  steps: number;
  features: number;
  units: number;
  width: number;
}

/** The WASM backend's view of a tensor's values in the module's memory (no copy). */
interface WasmHeap {
  typedArrayFromHeap(tensor: Tf.TensorInfo): Float32Array;
}

/** A tensor's values in the WASM module's memory, or a copy where the backend has no such view. */
function valuesOf(tf: TfModule, tensor: Tf.Tensor): Float32Array {
  const backend = tf.backend() as unknown as Partial<WasmHeap>;
  return typeof backend.typedArrayFromHeap === 'function'
    ? backend.typedArrayFromHeap(tensor)
    : (tensor.dataSync() as Float32Array);
}

/**
 * A copy of a tensor's values, the tensor freed. On WASM read straight from the module's memory:
 * `dataSync` takes about 200 µs for 128 KB there, as long as the product that made the values.
 * (Not from inside `tf.tidy`, which would walk every element of a returned array for tensors.)
 */
function readAndDispose(tf: TfModule, tensor: Tf.Tensor): Float32Array {
  const values = valuesOf(tf, tensor).slice();
  tensor.dispose();
  return values;
}

/** Values of a rows × columns matrix times `weights`, written into `out`. */
function times(
  tf: TfModule,
  values: Float32Array,
  rows: number,
  weights: Tf.Tensor2D,
  out: Float32Array,
): Float32Array {
  const left = tf.tensor2d(values, [rows, values.length / rows]);
  const product = tf.matMul(left, weights);
  left.dispose();
  out.set(valuesOf(tf, product));
  product.dispose();
  return out;
}

/** A rows × (length / rows) matrix's values, transposed. */
function transposed(values: Float32Array, rows: number): Float32Array {
  const columns = values.length / rows;
  const out = new Float32Array(values.length);
  for (let r = 0; r < rows; ++r) {
    for (let c = 0; c < columns; ++c) out[c * rows + r] = values[r * columns + c] ?? 0;
  }
  return out;
}

/** What one cell computes per step, over plain arrays, forward and backward. */
interface CellSteps {
  /** Values kept per step and row for the backward pass (gates after activation and the like). */
  readonly kept: number;
  /**
   * Step forward over the batch: `projected` is the inputs times the input kernel plus the bias,
   * `previous` the state before; writes the new state (and cell memory) and what it keeps.
   */
  forward(step: StepForward): void;
  /** Step backward: from the state's gradient `dh`, the gates' gradients and the previous state's. */
  backward(step: StepBackward): void;
}

interface StepForward {
  projected: Float32Array;
  previous: Float32Array;
  state: Float32Array;
  memoryBefore: Float32Array;
  memory: Float32Array;
  kept: Float32Array;
  /** The previous state times the recurrent kernel's columns `from`…`to`, or `values` instead of the state. */
  recur(from: number, to: number, values?: Float32Array): Float32Array;
}

interface StepBackward {
  previous: Float32Array;
  /** The state this step gave. */
  state: Float32Array;
  memoryBefore: Float32Array;
  kept: Float32Array;
  dh: Float32Array;
  dMemory: Float32Array;
  /** Where the gradients of the gates before activation go, `width` per row (the input kernel's). */
  dGates: Float32Array;
  /** Values times the transposed recurrent kernel's columns `from`…`to`. */
  recurBack(values: Float32Array, from: number, to: number): Float32Array;
  /** Written: the gradient of the state before this step. */
  dPrevious: Float32Array;
}

function lstmSteps(sizes: Sizes, act: Activation, rec: Activation): CellSteps {
  const { batch, units } = sizes;
  const width = 4 * units;
  return {
    kept: width + units,
    forward({ projected, memoryBefore, memory, state, kept, recur }) {
      const recurrent = recur(0, width);
      for (let b = 0; b < batch; ++b) {
        const z = b * width;
        const row = b * units;
        const keptRow = b * (width + units);
        for (let j = 0; j < units; ++j) {
          const i = rec.apply((projected[z + j] ?? 0) + (recurrent[z + j] ?? 0));
          const f = rec.apply((projected[z + units + j] ?? 0) + (recurrent[z + units + j] ?? 0));
          const g = act.apply((projected[z + 2 * units + j] ?? 0) + (recurrent[z + 2 * units + j] ?? 0));
          const o = rec.apply((projected[z + 3 * units + j] ?? 0) + (recurrent[z + 3 * units + j] ?? 0));
          const c = f * (memoryBefore[row + j] ?? 0) + i * g;
          const squashed = act.apply(Math.fround(c));
          memory[row + j] = c;
          state[row + j] = o * squashed;
          kept[keptRow + j] = i;
          kept[keptRow + units + j] = f;
          kept[keptRow + 2 * units + j] = g;
          kept[keptRow + 3 * units + j] = o;
          kept[keptRow + width + j] = squashed;
        }
      }
    },
    backward({ memoryBefore, kept, dh, dMemory, dGates, recurBack, dPrevious }) {
      for (let b = 0; b < batch; ++b) {
        const z = b * width;
        const row = b * units;
        const keptRow = b * (width + units);
        for (let j = 0; j < units; ++j) {
          const i = kept[keptRow + j] ?? 0;
          const f = kept[keptRow + units + j] ?? 0;
          const g = kept[keptRow + 2 * units + j] ?? 0;
          const o = kept[keptRow + 3 * units + j] ?? 0;
          const squashed = kept[keptRow + width + j] ?? 0;
          const dState = dh[row + j] ?? 0;
          const dc = (dMemory[row + j] ?? 0) + dState * o * act.slopeAt(squashed);
          dGates[z + j] = dc * g * rec.slopeAt(i);
          dGates[z + units + j] = dc * (memoryBefore[row + j] ?? 0) * rec.slopeAt(f);
          dGates[z + 2 * units + j] = dc * i * act.slopeAt(g);
          dGates[z + 3 * units + j] = dState * squashed * rec.slopeAt(o);
          dMemory[row + j] = dc * f;
        }
      }
      dPrevious.set(recurBack(dGates, 0, width));
    },
  };
}

function gruSteps(sizes: Sizes, act: Activation, rec: Activation): CellSteps {
  const { batch, units } = sizes;
  const width = 3 * units;
  const gated = new Float32Array(batch * units);
  const dUpdateReset = new Float32Array(batch * 2 * units);
  const dCandidate = new Float32Array(batch * units);
  return {
    // z, r, the candidate hh, and r × the previous state (what the candidate's kernel multiplied).
    kept: 4 * units,
    forward({ projected, previous, state, kept, recur }) {
      const inner = recur(0, 2 * units);
      for (let b = 0; b < batch; ++b) {
        const x = b * width;
        const row = b * units;
        const keptRow = b * 4 * units;
        for (let j = 0; j < units; ++j) {
          const z = rec.apply((projected[x + j] ?? 0) + (inner[b * 2 * units + j] ?? 0));
          const r = rec.apply((projected[x + units + j] ?? 0) + (inner[b * 2 * units + units + j] ?? 0));
          kept[keptRow + j] = z;
          kept[keptRow + units + j] = r;
          gated[row + j] = r * (previous[row + j] ?? 0);
          kept[keptRow + 3 * units + j] = gated[row + j] ?? 0;
        }
      }
      const candidateInner = recur(2 * units, 3 * units, gated);
      for (let b = 0; b < batch; ++b) {
        const x = b * width;
        const row = b * units;
        const keptRow = b * 4 * units;
        for (let j = 0; j < units; ++j) {
          const z = kept[keptRow + j] ?? 0;
          const hh = act.apply((projected[x + 2 * units + j] ?? 0) + (candidateInner[row + j] ?? 0));
          kept[keptRow + 2 * units + j] = hh;
          state[row + j] = z * (previous[row + j] ?? 0) + (1 - z) * hh;
        }
      }
    },
    backward({ previous, kept, dh, dGates, recurBack, dPrevious }) {
      for (let b = 0; b < batch; ++b) {
        const x = b * width;
        const row = b * units;
        const keptRow = b * 4 * units;
        for (let j = 0; j < units; ++j) {
          const z = kept[keptRow + j] ?? 0;
          const hh = kept[keptRow + 2 * units + j] ?? 0;
          const dState = dh[row + j] ?? 0;
          const dz = dState * ((previous[row + j] ?? 0) - hh) * rec.slopeAt(z);
          const dhh = dState * (1 - z) * act.slopeAt(hh);
          dGates[x + j] = dz;
          dGates[x + 2 * units + j] = dhh;
          dCandidate[row + j] = dhh;
          dUpdateReset[b * 2 * units + j] = dz;
        }
      }
      const dGated = recurBack(dCandidate, 2 * units, 3 * units);
      for (let b = 0; b < batch; ++b) {
        const x = b * width;
        const row = b * units;
        const keptRow = b * 4 * units;
        for (let j = 0; j < units; ++j) {
          const r = kept[keptRow + units + j] ?? 0;
          const dr = (dGated[row + j] ?? 0) * (previous[row + j] ?? 0) * rec.slopeAt(r);
          dGates[x + units + j] = dr;
          dUpdateReset[b * 2 * units + units + j] = dr;
          dPrevious[row + j] = (dh[row + j] ?? 0) * (kept[keptRow + j] ?? 0) + (dGated[row + j] ?? 0) * r;
        }
      }
      const throughGates = recurBack(dUpdateReset, 0, 2 * units);
      for (let k = 0; k < dPrevious.length; ++k) dPrevious[k] = (dPrevious[k] ?? 0) + (throughGates[k] ?? 0);
    },
  };
}

function simpleSteps(sizes: Sizes, act: Activation): CellSteps {
  const { batch, units } = sizes;
  return {
    kept: 0,
    forward({ projected, state, recur }) {
      const recurrent = recur(0, units);
      for (let k = 0; k < batch * units; ++k) state[k] = act.apply((projected[k] ?? 0) + (recurrent[k] ?? 0));
    },
    backward({ state, dh, dGates, recurBack, dPrevious }) {
      for (let k = 0; k < batch * units; ++k) dGates[k] = (dh[k] ?? 0) * act.slopeAt(state[k] ?? 0);
      dPrevious.set(recurBack(dGates, 0, units));
    },
  };
}

const cellSteps: Record<FusedCell, (sizes: Sizes, act: Activation, rec: Activation) => CellSteps> = {
  lstm: lstmSteps,
  gru: gruSteps,
  simpleRNN: (sizes, act) => simpleSteps(sizes, act),
};

/**
 * Products of a batch's values with the recurrent kernel's columns `from`…`to` (transposed when
 * asked), into one buffer per product reused at every step. tf.js' WASM products with a
 * transposed side run a plain loop, 10 to 25 times slower than its ordinary ones
 * (bench/README.md): each operand is made once, transposed up front, until `dispose`.
 */
function recurrentProducts(tf: TfModule, recurrentKernel: Tf.Tensor2D, batch: number) {
  const [units, width] = recurrentKernel.shape;
  const operands = new Map<string, Tf.Tensor2D>();
  const buffers = new Map<string, Float32Array>();
  const operand = (key: string, from: number, to: number, transposed: boolean): Tf.Tensor2D => {
    let found = operands.get(key);
    if (!found) {
      found = tf.tidy(() => {
        const columns =
          from === 0 && to === width ? recurrentKernel : tf.slice(recurrentKernel, [0, from], [units, to - from]);
        return (transposed ? tf.transpose(columns) : tf.clone(columns)) as Tf.Tensor2D;
      });
      operands.set(key, found);
    }
    return found;
  };
  return {
    times(values: Float32Array, from: number, to: number, transposed: boolean): Float32Array {
      const key = `${from}:${to}:${transposed}`;
      const weights = operand(key, from, to, transposed);
      const size = batch * (weights.shape[1] ?? 0);
      let out = buffers.get(key);
      if (out?.length !== size) {
        out = new Float32Array(size);
        buffers.set(key, out);
      }
      return times(tf, values, batch, weights, out);
    },
    dispose(): void {
      for (const found of operands.values()) found.dispose();
      operands.clear();
    },
  };
}

/**
 * Every step of the sequence `x` [batch, steps, features] forward, time-major: state t + 1 is
 * after step t (state 0 the zeros the layer starts from), LSTM's memories likewise, and what
 * each step keeps for the backward pass (its gates). The caller frees the products' operands
 * (`products.dispose()`): at once, as a pass without gradients never comes back for them; the
 * backward pass makes the ones it needs again.
 */
function forwardPass(
  tf: TfModule,
  cell: FusedCell,
  act: Activation,
  rec: Activation,
  x: Tf.Tensor3D,
  kernel: Tf.Tensor2D,
  recurrentKernel: Tf.Tensor2D,
  bias: Tf.Tensor1D,
) {
  const [batch, steps, features] = x.shape;
  const [units, width] = recurrentKernel.shape;
  const sizes: Sizes = { batch, steps, features, units, width };
  const stepper = cellSteps[cell](sizes, act, rec);
  const rows = batch * steps;
  const projected = readAndDispose(
    tf,
    tf.tidy(() => tf.add(tf.matMul(tf.transpose(x, [1, 0, 2]).reshape([rows, features]), kernel), bias)),
  );
  const block = batch * units;
  const states = new Float32Array((steps + 1) * block);
  const memories = new Float32Array(cell === 'lstm' ? (steps + 1) * block : 0);
  const kept = new Float32Array(steps * batch * stepper.kept);
  const products = recurrentProducts(tf, recurrentKernel, batch);
  for (let t = 0; t < steps; ++t) {
    const previous = states.subarray(t * block, (t + 1) * block);
    stepper.forward({
      projected: projected.subarray(t * batch * width, (t + 1) * batch * width),
      previous,
      state: states.subarray((t + 1) * block, (t + 2) * block),
      memoryBefore: memories.subarray(t * block, (t + 1) * block),
      memory: memories.subarray((t + 1) * block, (t + 2) * block),
      kept: kept.subarray(t * batch * stepper.kept, (t + 1) * batch * stepper.kept),
      recur: (from, to, values = previous) =>
        t === 0 && values === previous
          ? new Float32Array(batch * (to - from))
          : products.times(values, from, to, false),
    });
  }
  return { sizes, stepper, states, memories, kept, products };
}

/**
 * The whole sequence through a cell as one differentiable operation: `x` [batch, steps, features]
 * in, every state [batch, steps, units] or the last [batch, units] out.
 */
export function fusedSequence(
  tf: TfModule,
  cell: FusedCell,
  options: { units: number; activation: string; recurrentActivation: string; returnSequences: boolean },
): (x: Tf.Tensor3D, kernel: Tf.Tensor2D, recurrentKernel: Tf.Tensor2D, bias: Tf.Tensor1D) => Tf.Tensor {
  const act = activations[options.activation];
  const rec = activations[options.recurrentActivation];
  if (!act || !rec) throw new Error(`no fused form for ${options.activation} and ${options.recurrentActivation}`);
  const units = options.units;
  const width = gateCount[cell] * units;

  const run = (
    x: Tf.Tensor3D,
    kernel: Tf.Tensor2D,
    recurrentKernel: Tf.Tensor2D,
    bias: Tf.Tensor1D,
    save: Tf.GradSaveFunc,
  ): { value: Tf.Tensor; gradFunc: (dy: Tf.Tensor, saved: Tf.Tensor[]) => Tf.Tensor[] } => {
    // Kept by the engine for the backward pass: `x` may be an intermediate a caller's tidy frees.
    save([x]);
    const pass = forwardPass(tf, cell, act, rec, x, kernel, recurrentKernel, bias);
    const { sizes, stepper, states, memories, kept, products } = pass;
    const { batch, steps, features } = sizes;
    const rows = batch * steps;
    const block = batch * units;
    products.dispose();

    const value = options.returnSequences
      ? tf.tidy(() => tf.transpose(tf.tensor3d(states.subarray(block), [steps, batch, units]), [1, 0, 2]))
      : tf.tensor2d(states.subarray(steps * block), [batch, units]);

    const gradFunc = (dy: Tf.Tensor, saved: Tf.Tensor[]): Tf.Tensor[] => {
      const input = saved[0] ?? x;
      const dOutput = options.returnSequences
        ? readAndDispose(tf, tf.transpose(dy, [1, 0, 2]))
        : valuesOf(tf, dy).slice();
      const dGates = new Float32Array(rows * width);
      const dh = new Float32Array(block);
      const dMemory = new Float32Array(block);
      const dPrevious = new Float32Array(block);
      for (let t = steps - 1; t >= 0; --t) {
        if (options.returnSequences) {
          for (let k = 0; k < block; ++k) dh[k] = (dh[k] ?? 0) + (dOutput[t * block + k] ?? 0);
        } else if (t === steps - 1) {
          dh.set(dOutput);
        }
        stepper.backward({
          previous: states.subarray(t * block, (t + 1) * block),
          state: states.subarray((t + 1) * block, (t + 2) * block),
          memoryBefore: memories.subarray(t * block, (t + 1) * block),
          kept: kept.subarray(t * batch * stepper.kept, (t + 1) * batch * stepper.kept),
          dh,
          dMemory,
          dGates: dGates.subarray(t * batch * width, (t + 1) * batch * width),
          // The state before the first step is zeros, not a weight: nothing flows past it.
          recurBack: (values, from, to) => (t === 0 ? new Float32Array(block) : products.times(values, from, to, true)),
          dPrevious,
        });
        dh.set(dPrevious);
      }
      products.dispose();
      return tf.tidy(() => {
        const gates = tf.tensor2d(dGates, [rows, width]);
        const dx = tf.matMul(gates, tf.transpose(kernel)).reshape([steps, batch, features]);
        const dKernel = tf.matMul(tf.transpose(input, [2, 1, 0]).reshape([features, rows]), gates);
        // Each step's state before it, as columns: [units, rows].
        const before = tf.tensor2d(transposed(states.subarray(0, steps * block), rows), [units, rows]);
        let dRecurrent: Tf.Tensor;
        if (cell === 'gru') {
          const gatedBefore = new Float32Array(units * rows);
          for (let r = 0; r < rows; ++r) {
            for (let j = 0; j < units; ++j) gatedBefore[j * rows + r] = kept[r * 4 * units + 3 * units + j] ?? 0;
          }
          dRecurrent = tf.concat(
            [
              tf.matMul(before, tf.slice(gates, [0, 0], [rows, 2 * units])),
              tf.matMul(tf.tensor2d(gatedBefore, [units, rows]), tf.slice(gates, [0, 2 * units], [rows, units])),
            ],
            1,
          );
        } else {
          dRecurrent = tf.matMul(before, gates);
        }
        return [tf.transpose(dx, [1, 0, 2]), dKernel, dRecurrent, tf.sum(gates, 0)];
      });
    };
    return { value, gradFunc };
  };
  return tf.customGrad(run as unknown as Parameters<TfModule['customGrad']>[0]) as unknown as (
    x: Tf.Tensor3D,
    kernel: Tf.Tensor2D,
    recurrentKernel: Tf.Tensor2D,
    bias: Tf.Tensor1D,
  ) => Tf.Tensor;
}

/** The layer's bias, or zeros where it has none (to free after use: `ownsBias`). */
function biasOf(tf: TfModule, parts: RecurrentLayer['cell'], cell: FusedCell): Tf.Tensor1D {
  return (parts.useBias && parts.bias ? parts.bias.read() : tf.zeros([gateCount[cell] * parts.units])) as Tf.Tensor1D;
}

/** Whether `biasOf` made the zeros itself (the layer has no bias), so they are the caller's to free. */
const ownsBias = (parts: RecurrentLayer['cell']) => !(parts.useBias && parts.bias);

/** Whether the fused form covers this call of `layer`; if not, tf.js' own path runs. */
function fusable(
  tf: TfModule,
  layer: RecurrentLayer,
  inputs: Tf.Tensor | Tf.Tensor[],
  kwargs: Record<string, unknown>,
) {
  if (tf.getBackend() !== 'wasm') return false;
  if (Array.isArray(inputs) && inputs.length !== 1) return false;
  const input = Array.isArray(inputs) ? inputs[0] : inputs;
  if (input?.rank !== 3 || input.dtype !== 'float32') return false;
  if ((kwargs?.mask ?? null) !== null || (kwargs?.initialState ?? null) !== null) return false;
  if (layer.stateful || layer.returnState) return false;
  const { cell } = layer;
  if (kwargs?.training === true && (cell.dropout > 0 || cell.recurrentDropout > 0)) return false;
  const recurrent = cell.recurrentActivation?.getClassName() ?? 'linear';
  return cell.activation.getClassName() in activations && recurrent in activations;
}

/**
 * Makes tf.js' recurrent `layer` (SimpleRNN, LSTM or GRU, or one direction of a Bidirectional)
 * run its sequence as one fused operation whenever the backend is WASM and the call is one the
 * fused form covers. Its weights, config and saved form are unchanged.
 */
export function fuseRecurrent(tf: TfModule, layer: Tf.layers.Layer, cell: FusedCell): void {
  const recurrent = layer as unknown as RecurrentLayer;
  const original = recurrent.call.bind(recurrent);
  let sequence: ReturnType<typeof fusedSequence> | undefined;
  recurrent.call = (inputs, kwargs) => {
    if (!fusable(tf, recurrent, inputs, kwargs)) return original(inputs, kwargs);
    const { cell: parts } = recurrent;
    sequence ??= fusedSequence(tf, cell, {
      units: parts.units,
      activation: parts.activation.getClassName(),
      recurrentActivation: parts.recurrentActivation?.getClassName() ?? 'linear',
      returnSequences: recurrent.returnSequences,
    });
    const run = sequence;
    return tf.tidy(() => {
      let x = (Array.isArray(inputs) ? inputs[0] : inputs) as Tf.Tensor3D;
      if (recurrent.goBackwards) x = tf.reverse(x, 1);
      return run(
        x,
        parts.kernel.read() as Tf.Tensor2D,
        parts.recurrentKernel.read() as Tf.Tensor2D,
        biasOf(tf, parts, cell),
      );
    });
  };
}

const cellOfClass: Record<string, FusedCell> = { SimpleRNN: 'simpleRNN', LSTM: 'lstm', GRU: 'gru' };

/**
 * The recurrent layers a tf.js layer runs: itself when it is a SimpleRNN, LSTM or GRU, a
 * Bidirectional's two directions, else none; each with its cell.
 */
export function recurrentDirections(layer: Tf.layers.Layer): { layer: Tf.layers.Layer; cell: FusedCell }[] {
  const wrapped = layer as unknown as { forwardLayer?: Tf.layers.Layer; backwardLayer?: Tf.layers.Layer };
  const layers =
    wrapped.forwardLayer && wrapped.backwardLayer ? [wrapped.forwardLayer, wrapped.backwardLayer] : [layer];
  return layers.flatMap((candidate) => {
    const cell = cellOfClass[candidate.getClassName()];
    return cell ? [{ layer: candidate, cell }] : [];
  });
}

/**
 * Fuses every recurrent layer of a tf.js model built outside LayerLab (a bare script's, for the
 * benchmarks), both directions of a Bidirectional included, as LayerLab's own layers are.
 */
export function fuseRecurrentLayers(tf: TfModule, model: Tf.LayersModel): void {
  for (const layer of model.layers) {
    for (const direction of recurrentDirections(layer)) fuseRecurrent(tf, direction.layer, direction.cell);
  }
}

/** Each cell's gates, in the order a step keeps them (after their activation). */
const gateNames: Record<FusedCell, readonly string[]> = {
  lstm: ['input', 'forget', 'candidate', 'output'],
  gru: ['update', 'reset', 'candidate'],
  simpleRNN: [],
};

/** One sequence through a recurrent layer, step by step. */
export interface SequenceSteps {
  /** The state after each step, in the order the layer read the steps: steps × units. */
  states: number[][];
  /** LSTM's cell memory after each step, else null. */
  memory: number[][] | null;
  /** Each gate after its activation, per step: steps × units (LSTM: input, forget, candidate, output; GRU: update, reset, candidate). */
  gates: { name: string; values: number[][] }[];
  /** Whether the layer read the sequence from its end (the backward half of a Bidirectional). */
  backwards: boolean;
}

/** Rows of `width` values of `values`, as plain arrays. */
function rowsOf(values: Float32Array, width: number, from = 0, rowCount = (values.length - from) / width) {
  return Array.from({ length: rowCount }, (_, row) =>
    Array.from(values.subarray(from + row * width, from + (row + 1) * width)),
  );
}

/**
 * What tf.js' recurrent `layer` (one direction) computes at each step of one `sequence`
 * [steps, features], with the same arithmetic as the fused form: its states, an LSTM's memory,
 * and the gates. On any backend; null when an activation has no fused form (`activations`).
 */
export function stepThrough(
  tf: TfModule,
  layer: Tf.layers.Layer,
  cell: FusedCell,
  sequence: Tf.Tensor2D,
): SequenceSteps | null {
  const { cell: parts, goBackwards } = layer as unknown as RecurrentLayer;
  const act = activations[parts.activation.getClassName()];
  const rec = activations[parts.recurrentActivation?.getClassName() ?? 'linear'];
  if (!act || !rec) return null;
  const units = parts.units;
  const input = tf.tidy(() => {
    const batch = sequence.expandDims(0) as Tf.Tensor3D;
    return goBackwards ? tf.reverse(batch, 1) : batch;
  });
  const bias = biasOf(tf, parts, cell);
  try {
    const pass = forwardPass(
      tf,
      cell,
      act,
      rec,
      input,
      parts.kernel.read() as Tf.Tensor2D,
      parts.recurrentKernel.read() as Tf.Tensor2D,
      bias,
    );
    pass.products.dispose();
    const { stepper, kept } = pass;
    const perStep = rowsOf(kept, stepper.kept);
    return {
      states: rowsOf(pass.states, units, units),
      memory: cell === 'lstm' ? rowsOf(pass.memories, units, units) : null,
      gates: gateNames[cell].map((name, index) => ({
        name,
        values: perStep.map((row) => row.slice(index * units, (index + 1) * units)),
      })),
      backwards: goBackwards,
    };
  } finally {
    input.dispose();
    if (ownsBias(parts)) bias.dispose();
  }
}
