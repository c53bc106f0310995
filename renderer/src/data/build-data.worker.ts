/**
 * Builds a large data recipe off the window's thread (built-off-window.ts): the table read,
 * checked and encoded here, the dataset's values sent back without a copy. What the window
 * draws from the dataset (the panel, the fit check, the playground) is cheap beside the build.
 */
import { buildDataset } from '../../../shared/data/build';
import type { DataSpec } from '../../../shared/data/spec';
import type { Dataset, DatasetResult } from '../../../shared/data/dataset';

/** The buffers of a dataset's values: handed over, not copied. */
function buffersOf(dataset: Dataset): ArrayBuffer[] {
  const tensors = [
    dataset.x,
    dataset.y,
    dataset.test?.x,
    dataset.test?.y,
    dataset.images?.unusual?.x,
    ...(dataset.outputs ?? []).flatMap((output) => [output.y, output.test]),
  ];
  const buffers = tensors.flatMap((tensor) => (tensor ? [tensor.values.buffer as ArrayBuffer] : []));
  return [...new Set(buffers)];
}

self.addEventListener('message', (event: MessageEvent<{ id: number; spec: DataSpec }>) => {
  const { id, spec } = event.data;
  let result: DatasetResult;
  try {
    result = buildDataset(spec);
  } catch (thrown) {
    const reason = thrown instanceof Error ? thrown.message : String(thrown);
    result = {
      ok: false,
      field: 'file',
      problem: { en: `the data could not be built: ${reason}`, es: `los datos no se pudieron construir: ${reason}` },
    };
  }
  self.postMessage({ id, result }, { transfer: result.ok ? buffersOf(result.dataset) : [] });
});
