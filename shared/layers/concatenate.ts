import { int } from './params.js';
import { defineLayer } from './types.js';

const axis = int({
  default: -1,
  min: -4,
  max: 4,
  description: {
    en: 'Axis to join along: -1 is the last one; 0 is the batch and is not allowed.',
    es: 'Eje por el que se unen: -1 es el último; el 0 es el del lote y no se permite.',
  },
});

export const concatenate = defineLayer({
  kind: 'Concatenate',
  category: 'merge',
  description: {
    en: 'Joins its inputs end to end along one axis; the other axes must match.',
    es: 'Une sus entradas una tras otra a lo largo de un eje; los demás ejes deben coincidir.',
  },
  inputs: 'many',
  namePrefix: 'concatenate',
  params: {
    // int() can only express a range, and axis 0 (the batch) sits inside it: the schema refuses
    // it here. Whether the axis exists for the inputs' rank is left to shape inference.
    axis: { ...axis, schema: axis.schema.refine((value) => value !== 0, { message: 'axis 0 is the batch axis' }) },
  },
});
