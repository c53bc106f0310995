/**
 * Faster pure-JS kernels for tf.js' CPU backend, where its own are slow enough to matter to a
 * lesson. tf.js 4.22's Conv2DBackpropFilter reads every value through `TensorBuffer.get`, which
 * makes a small CNN on 8×8 digits train at 6 s an epoch; the same loops over flat arrays run about
 * 13 times faster (bench/conv-kernel.ts). Its UnsortedSegmentSum, the gradient of an Embedding's
 * lookup, runs four tensor operations over the whole batch for every word of the vocabulary: a
 * vocabulary of 2,726 words trains at under 2 texts a second. One pass over the batch does it in
 * milliseconds. The arithmetic is the same, in the same order, so the gradients are bit-identical
 * to tf.js' kernels (a test checks it). Exported TypeScript carries a copy of each kernel its
 * network needs (`fastConvKernel`, `fastSegmentSumKernel` in codegen/typescript-helpers.ts): a
 * change here belongs there too. Reads nothing but its arguments.
 */
import type * as Tf from '@tensorflow/tfjs';
import type { TfModule } from '../layers/types.js';

interface CpuData {
  values: Float32Array;
}
interface CpuBackend {
  data: { get(dataId: unknown): CpuData };
  makeTensorInfo(shape: number[], dtype: string, values: Float32Array): Tf.TensorInfo;
}

interface FilterAttributes {
  strides: [number, number] | number;
  pad: 'valid' | 'same' | number;
  dataFormat: 'NHWC' | 'NCHW';
  dimRoundingMode?: 'floor' | 'round' | 'ceil';
  filterShape: [number, number, number, number];
}

type FilterArgs = { inputs: Tf.NamedTensorInfoMap; backend: unknown; attrs?: unknown };

/** The convolution a filter gradient is asked for, as tf.js describes it. */
function filterGradientInfo(tf: TfModule, args: FilterArgs) {
  const { x, dy } = args.inputs as { x: Tf.TensorInfo; dy: Tf.TensorInfo };
  const { strides, pad, dimRoundingMode, filterShape } = args.attrs as FilterAttributes;
  const info = tf.backend_util.computeConv2DInfo(
    x.shape as [number, number, number, number],
    filterShape,
    strides,
    1,
    pad,
    dimRoundingMode,
    false,
    'channelsLast',
  );
  return { x, dy, info, shape: [info.filterHeight, info.filterWidth, info.inChannels, info.outChannels] };
}

/** The gradient of a 2-D convolution with respect to its filter, NHWC, as tf.js computes it. */
function filterGradient(
  info: ReturnType<TfModule['backend_util']['computeConv2DInfo']>,
  xValues: ArrayLike<number>,
  dyValues: ArrayLike<number>,
): Float32Array {
  const { strideHeight, strideWidth, filterHeight, filterWidth, inChannels, outChannels, batchSize } = info;
  const { inHeight, inWidth, outHeight, outWidth } = info;
  const leftPad = info.padInfo.left;
  const topPad = info.padInfo.top;
  const dW = new Float32Array(filterHeight * filterWidth * inChannels * outChannels);
  // Row-major strides of x (batch, row, column, channel) and dy.
  const xRow = inWidth * inChannels;
  const xImage = inHeight * xRow;
  const dyRow = outWidth * outChannels;
  const dyImage = outHeight * dyRow;
  for (let wR = 0; wR < filterHeight; ++wR) {
    const yRMin = Math.max(0, Math.ceil((topPad - wR) / strideHeight));
    const yRMax = Math.min(outHeight, (inHeight + topPad - wR) / strideHeight);
    for (let wC = 0; wC < filterWidth; ++wC) {
      const yCMin = Math.max(0, Math.ceil((leftPad - wC) / strideWidth));
      const yCMax = Math.min(outWidth, (inWidth + leftPad - wC) / strideWidth);
      for (let d1 = 0; d1 < inChannels; ++d1) {
        for (let d2 = 0; d2 < outChannels; ++d2) {
          // A float64 sum over the batch, then the rows, then the columns: tf.js' order exactly.
          let dotProduct = 0;
          for (let b = 0; b < batchSize; ++b) {
            for (let yR = yRMin; yR < yRMax; ++yR) {
              const xR = wR + yR * strideHeight - topPad;
              const xBase = b * xImage + xR * xRow + d1;
              const dyBase = b * dyImage + yR * dyRow + d2;
              for (let yC = yCMin; yC < yCMax; ++yC) {
                const xC = wC + yC * strideWidth - leftPad;
                dotProduct += (xValues[xBase + xC * inChannels] ?? 0) * (dyValues[dyBase + yC * outChannels] ?? 0);
              }
            }
          }
          dW[((wR * filterWidth + wC) * inChannels + d1) * outChannels + d2] = dotProduct;
        }
      }
    }
  }
  return dW;
}

function conv2dBackpropFilter(tf: TfModule, args: FilterArgs) {
  const { x, dy, info, shape } = filterGradientInfo(tf, args);
  const backend = args.backend as CpuBackend;
  const dW = filterGradient(info, backend.data.get(x.dataId).values, backend.data.get(dy.dataId).values);
  return backend.makeTensorInfo(shape, 'float32', dW);
}

/**
 * The sum of x's rows by segment, as tf.js' UnsortedSegmentSum computes it: a float64 sum over the
 * rows in order, each segment's own (tf.js adds the other rows' zeros, which change nothing). Ids
 * outside [0, numSegments) are dropped, as tf.js drops them.
 */
function segmentSums(xValues: ArrayLike<number>, ids: ArrayLike<number>, numSegments: number): Float32Array {
  const rows = ids.length;
  const width = rows === 0 ? 0 : xValues.length / rows;
  const sums = new Float64Array(numSegments * width);
  for (let row = 0; row < rows; ++row) {
    const segment = ids[row] ?? -1;
    if (segment < 0 || segment >= numSegments) continue;
    const from = row * width;
    const to = segment * width;
    for (let column = 0; column < width; ++column) {
      sums[to + column] = (sums[to + column] ?? 0) + (xValues[from + column] ?? 0);
    }
  }
  return Float32Array.from(sums);
}

type SegmentSumArgs = { inputs: Tf.NamedTensorInfoMap; backend: unknown; attrs?: unknown };

function segmentSumParts(args: SegmentSumArgs) {
  const { x, segmentIds } = args.inputs as { x: Tf.TensorInfo; segmentIds: Tf.TensorInfo };
  const { numSegments } = args.attrs as { numSegments: number };
  return { x, segmentIds, numSegments, shape: [numSegments, ...x.shape.slice(segmentIds.shape.length)] };
}

function unsortedSegmentSum(args: SegmentSumArgs) {
  const { x, segmentIds, numSegments, shape } = segmentSumParts(args);
  const backend = args.backend as CpuBackend;
  const sums = segmentSums(backend.data.get(x.dataId).values, backend.data.get(segmentIds.dataId).values, numSegments);
  return backend.makeTensorInfo(shape, 'float32', sums);
}

interface WasmBackend {
  typedArrayFromHeap(info: Tf.TensorInfo): ArrayLike<number> & { set(values: ArrayLike<number>): void };
  makeOutput(shape: number[], dtype: string): Tf.TensorInfo;
}

/**
 * The same sums on the WASM backend, which has no UnsortedSegmentSum of its own (so an Embedding
 * could not train there): read from the module's memory, summed in JavaScript, written back.
 * The output is made after the sums, since making it may grow the memory the inputs' views are on.
 */
function wasmUnsortedSegmentSum(args: SegmentSumArgs) {
  const { x, segmentIds, numSegments, shape } = segmentSumParts(args);
  const backend = args.backend as WasmBackend;
  const sums = segmentSums(backend.typedArrayFromHeap(x), backend.typedArrayFromHeap(segmentIds), numSegments);
  const output = backend.makeOutput(shape, 'float32');
  backend.typedArrayFromHeap(output).set(sums);
  return output;
}

/**
 * The same filter gradient on the WASM backend, which has none (tf.js 4.22), so that a CNN
 * trains there, its convolutions and everything else in WASM: read from the module's memory,
 * summed in JavaScript as on the CPU backend (the same values, bit for bit), written back.
 */
function wasmConv2dBackpropFilter(tf: TfModule, args: FilterArgs) {
  const { x, dy, info, shape } = filterGradientInfo(tf, args);
  const backend = args.backend as WasmBackend;
  const dW = filterGradient(info, backend.typedArrayFromHeap(x), backend.typedArrayFromHeap(dy));
  const output = backend.makeOutput(shape, 'float32');
  backend.typedArrayFromHeap(output).set(dW);
  return output;
}

/**
 * The gradient kernels tf.js' WASM backend lacks that `installFastKernels` gives it: a layer whose
 * gradient needs one of these trains on WASM (training/backends.ts).
 */
export const wasmKernelsLayerLabAdds: readonly string[] = ['UnsortedSegmentSum', 'Conv2DBackpropFilter'];

const installed = new WeakSet<object>();

type KernelArgs = { inputs: Tf.NamedTensorInfoMap; backend: unknown; attrs?: unknown };

/** Puts `faster` in place of tf.js' CPU kernel `name`, for the calls `handles` accepts. */
function replaceCpuKernel(
  tf: TfModule,
  name: string,
  handles: (args: KernelArgs) => boolean,
  faster: (args: KernelArgs) => Tf.TensorInfo,
): void {
  const original = tf.getKernel(name, 'cpu');
  if (!original) return;
  tf.unregisterKernel(name, 'cpu');
  tf.registerKernel({
    kernelName: name,
    backendName: 'cpu',
    kernelFunc: (args) => (handles(args) ? faster(args) : original.kernelFunc(args)),
  });
}

/**
 * Puts LayerLab's kernels in place of tf.js' slow ones on the CPU backend; the originals still
 * serve what these do not handle (channels-first data, sums of whole numbers). Gives the WASM
 * backend the kernels it lacks: UnsortedSegmentSum for float32 sums (an Embedding's gradient) and
 * Conv2DBackpropFilter for channels-last data (a convolution's). Safe to call more than once.
 */
export function installFastKernels(tf: TfModule): void {
  if (installed.has(tf)) return;
  installed.add(tf);
  if (!tf.getKernel('UnsortedSegmentSum', 'wasm')) {
    tf.registerKernel({
      kernelName: 'UnsortedSegmentSum',
      backendName: 'wasm',
      kernelFunc: (args) => {
        if ((args.inputs as { x: Tf.TensorInfo }).x.dtype !== 'float32')
          throw new Error('LayerLab sums float32 segments on WASM only');
        return wasmUnsortedSegmentSum(args);
      },
    });
  }
  if (!tf.getKernel('Conv2DBackpropFilter', 'wasm')) {
    tf.registerKernel({
      kernelName: 'Conv2DBackpropFilter',
      backendName: 'wasm',
      kernelFunc: (args) => {
        if ((args.attrs as unknown as FilterAttributes).dataFormat === 'NCHW')
          throw new Error('LayerLab computes filter gradients on WASM for channels-last data only');
        return wasmConv2dBackpropFilter(tf, args);
      },
    });
  }
  replaceCpuKernel(
    tf,
    'Conv2DBackpropFilter',
    (args) => (args.attrs as unknown as FilterAttributes).dataFormat !== 'NCHW',
    (args) => conv2dBackpropFilter(tf, args),
  );
  replaceCpuKernel(
    tf,
    'UnsortedSegmentSum',
    (args) => (args.inputs as { x: Tf.TensorInfo }).x.dtype === 'float32',
    (args) => unsortedSegmentSum(args),
  );
}
