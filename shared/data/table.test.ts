/** The `table` recipe: rows of inputs then a target, read as classes or values. */
import { describe, expect, it } from 'vitest';
import { decodeAnswer, encodeQuery } from '../training/predict';
import { suggestLoss } from '../training/settings';
import { buildDataset, type Dataset } from './build';
import { dataSpecSchema, defaultDataSpecs, type DataSpec } from './spec';

type Table = Extract<DataSpec, { kind: 'table' }>;

const xor: Table = {
  kind: 'table',
  columns: ['x1', 'x2'],
  rows: [
    [0, 0, 0],
    [0, 1, 1],
    [1, 0, 1],
    [1, 1, 0],
  ],
  target: 'class',
};

function built(spec: DataSpec): Dataset {
  const result = buildDataset(spec);
  if (!result.ok) throw new Error(result.problem.en);
  return result.dataset;
}

describe('the table recipe', () => {
  it('validates, and its default builds', () => {
    expect(dataSpecSchema.safeParse(xor).success).toBe(true);
    expect(dataSpecSchema.safeParse(defaultDataSpecs.table).success).toBe(true);
    expect(buildDataset(defaultDataSpecs.table).ok).toBe(true);
  });

  it('refuses no columns, too many, no rows, and numbers that are not finite', () => {
    expect(dataSpecSchema.safeParse({ ...xor, columns: [] }).success).toBe(false);
    const many = Array.from({ length: 17 }, (_, index) => `x${index}`);
    expect(dataSpecSchema.safeParse({ ...xor, columns: many }).success).toBe(false);
    expect(dataSpecSchema.safeParse({ ...xor, rows: [] }).success).toBe(false);
    expect(dataSpecSchema.safeParse({ ...xor, rows: [[0, Number.NaN, 1]] }).success).toBe(false);
    expect(dataSpecSchema.safeParse({ ...xor, target: 'label' }).success).toBe(false);
  });

  it('builds X (n, inputs) and class indices (n,) with the sorted distinct targets as labels', () => {
    const dataset = built({ ...xor, rows: [...xor.rows, [2, 2, -1]] });
    expect(dataset.x.shape).toEqual([5, 2]);
    expect(Array.from(dataset.x.values)).toEqual([0, 0, 0, 1, 1, 0, 1, 1, 2, 2]);
    expect(dataset.y.shape).toEqual([5]);
    expect(dataset.y.dtype).toBe('float32');
    expect(Array.from(dataset.y.values)).toEqual([1, 2, 2, 1, 0]);
    expect(dataset.target).toEqual({ kind: 'class', labels: ['-1', '0', '1'] });
    expect(dataset.preview[1]).toEqual({ input: '0, 1', target: '1' });
  });

  it('builds values (n, 1) for a value target', () => {
    const dataset = built({
      kind: 'table',
      columns: ['size'],
      rows: [
        [1, 2.5],
        [2, 4.5],
      ],
      target: 'value',
    });
    expect(dataset.x.shape).toEqual([2, 1]);
    expect(dataset.y.shape).toEqual([2, 1]);
    expect(Array.from(dataset.y.values)).toEqual([2.5, 4.5]);
    expect(dataset.target).toEqual({ kind: 'value', scale: 1 });
  });

  it('names a ragged row, its count and what every row needs', () => {
    const result = buildDataset({
      ...xor,
      rows: [
        [0, 0, 0],
        [0, 1, 1],
        [1, 0],
        [1, 1, 0],
      ],
    });
    expect(result).toEqual({
      ok: false,
      field: 'rows',
      problem: {
        en: 'row 3 has 2 numbers; every row needs 3 (2 inputs and the target)',
        es: 'la fila 3 tiene 2 números; cada fila necesita 3 (2 entradas y el objetivo)',
      },
    });
  });

  it('encodes a query of one number per input, and refuses a wrong count', () => {
    const dataset = built(xor);
    expect(encodeQuery(xor, dataset, '0, 1')).toEqual({ ok: true, values: Float32Array.from([0, 1]), shape: [1, 2] });
    expect(encodeQuery(xor, dataset, '[1 1]')).toEqual({ ok: true, values: Float32Array.from([1, 1]), shape: [1, 2] });
    const short = encodeQuery(xor, dataset, '1');
    expect(short.ok).toBe(false);
    if (!short.ok)
      expect(short.problem.en).toBe('Type 2 numbers separated by commas, one for each input (x1, x2), e.g. 0, 0.');
    expect(encodeQuery(xor, dataset, '1, x').ok).toBe(false);
  });

  it('decodes one sigmoid unit as the second class’ probability, and a softmax as it is', () => {
    const dataset = built(xor);
    const one = decodeAnswer(dataset, [0.9]);
    expect(one.kind).toBe('classes');
    if (one.kind === 'classes') {
      expect(one.top.map((entry) => entry.label)).toEqual(['1', '0']);
      expect(one.top[1]?.probability).toBeCloseTo(0.1);
    }
    const two = decodeAnswer(dataset, [0.8, 0.2]);
    if (two.kind === 'classes') expect(two.top[0]).toEqual({ label: '0', probability: 0.8 });
    const values = built({ kind: 'table', columns: ['a'], rows: [[1, 3]], target: 'value' });
    expect(decodeAnswer(values, [2.5])).toEqual({ kind: 'value', value: 2.5 });
  });

  it('suggests binary cross-entropy for two classes on one sigmoid unit, sparse for more', () => {
    const two = built(xor).target;
    expect(suggestLoss(two, 'sigmoid', 1).loss).toBe('binary_crossentropy');
    expect(suggestLoss(two, 'softmax', 2).loss).toBe('sparse_categorical_crossentropy');
    const three = built({ ...xor, rows: [...xor.rows, [2, 2, 2]] }).target;
    expect(suggestLoss(three, 'sigmoid', 1).loss).toBe('sparse_categorical_crossentropy');
  });
});
