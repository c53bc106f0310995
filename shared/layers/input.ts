import { pythonCall, pythonString } from '../vocabulary/python.js';
import { typescriptConfig, typescriptString } from '../vocabulary/typescript-literals.js';
import { choice, shape } from './params.js';
import { defineLayer } from './types.js';

export const input = defineLayer({
  kind: 'Input',
  category: 'core',
  description: {
    en: 'Where data enters the network; its shape leaves out the batch axis.',
    es: 'Por donde entran los datos a la red; su forma no incluye el eje del lote.',
  },
  inputs: 'none',
  namePrefix: 'input',
  params: {
    shape: shape({
      default: [3, 8],
      minRank: 1,
      maxRank: 4,
      allowFree: true,
      description: {
        en: 'Shape of one sample without the batch, e.g. 3, 8 for 3 time steps of 8 features; None, 8 takes sequences of any length.',
        es: 'Forma de una muestra sin el lote, p. ej. 3, 8 para 3 pasos de 8 características; None, 8 acepta secuencias de cualquier longitud.',
      },
    }),
    dtype: choice({
      options: ['float32', 'int32'],
      default: 'float32',
      description: {
        en: 'Number type of the data: int32 for token indices fed to an Embedding.',
        es: 'Tipo numérico de los datos: int32 para índices de tokens que van a un Embedding.',
      },
    }),
  },
  inferShape: (_inputs, params) => ({ ok: true, shape: [null, ...params.shape] }),
  countParams: () => 0,
  build: (params, context) =>
    context.tf.layers.inputLayer({ batchInputShape: [null, ...params.shape], dtype: params.dtype, name: context.name }),
  examples: [{ label: 'Input', input: [3, 8], params: { shape: [3, 8] } }],
  code: {
    typescript: (params, context) =>
      `tf.input(${typescriptConfig([
        // tf.js writes a size left open as null, Keras as None.
        ['shape', `[${params.shape.map((dim) => (dim === null ? 'null' : String(dim))).join(', ')}]`],
        ['dtype', params.dtype === 'float32' ? null : typescriptString(params.dtype)],
        ['name', context.name],
      ])})`,
    keras: (params, context) =>
      pythonCall('keras.Input', [
        `shape=(${params.shape.map((dim) => (dim === null ? 'None' : String(dim))).join(', ')}${params.shape.length === 1 ? ',' : ''})`,
        params.dtype === 'float32' ? null : `dtype=${pythonString(params.dtype)}`,
        `name=${context.name}`,
      ]),
    // The forward pass's argument: a tensor laid out as Keras lays it out, batch first.
    pytorch: () => ({ module: null, forward: ([input = 'x']) => input, params: 0 }),
  },
});
