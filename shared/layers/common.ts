/** Parameters many layer kinds share, described once. Reads nothing but its arguments. */
import { bool, choice, float, int, ints, optionalInt } from './params.js';

/** Activations that Keras and tf.js both know under the same name. */
export const activations = [
  'linear',
  'relu',
  'sigmoid',
  'tanh',
  'softmax',
  'elu',
  'selu',
  'softplus',
  'softsign',
  'swish',
  'gelu',
] as const;
export type ActivationName = (typeof activations)[number];

export function activation(defaultValue: ActivationName) {
  return choice({
    options: activations,
    default: defaultValue,
    description: {
      en: 'Function applied to each output value.',
      es: 'Función que se aplica a cada valor de salida.',
    },
  });
}

/**
 * What a recurrent layer's gates may use: the activations, and hard_sigmoid, tf.js' own default
 * for LSTM and GRU and Keras' before 2.3 (clip(0.2·x + 0.5, 0, 1)), so recurrent models saved by
 * tf.js open as they are.
 */
export const recurrentActivations = [...activations, 'hard_sigmoid'] as const;
export type RecurrentActivationName = (typeof recurrentActivations)[number];

/** An activation as tf.js names it in code (`hardSigmoid`); every other name is the same. */
export function tfjsActivation(
  name: RecurrentActivationName,
): Exclude<RecurrentActivationName, 'hard_sigmoid'> | 'hardSigmoid' {
  return name === 'hard_sigmoid' ? 'hardSigmoid' : name;
}

export function recurrentActivation() {
  return choice({
    options: recurrentActivations,
    default: 'sigmoid',
    description: {
      en: 'Function applied to the gates that decide what the cell keeps and forgets.',
      es: 'Función de las puertas que deciden qué guarda y qué olvida la celda.',
    },
  });
}

export const initializers = [
  'glorot_uniform',
  'glorot_normal',
  'he_uniform',
  'he_normal',
  'lecun_uniform',
  'lecun_normal',
  'orthogonal',
  'zeros',
  'ones',
  'random_normal',
  'random_uniform',
] as const;

/** An initializer's Keras name. */
export type InitializerName = (typeof initializers)[number];

export function kernelInitializer(defaultValue: InitializerName = 'glorot_uniform') {
  return choice({
    options: initializers,
    default: defaultValue,
    description: {
      en: 'How the weights are drawn before training starts.',
      es: 'Cómo se eligen los pesos antes de empezar a entrenar.',
    },
  });
}

export function useBias() {
  return bool({
    default: true,
    description: {
      en: 'Add a learned bias to each output.',
      es: 'Suma un sesgo aprendido a cada salida.',
    },
  });
}

export function dropoutRate(description: { en: string; es: string }, defaultValue = 0) {
  return float({ default: defaultValue, min: 0, max: 1, maxExclusive: true, description });
}

export const paddings = ['valid', 'same'] as const;

export function padding() {
  return choice({
    options: paddings,
    default: 'valid',
    description: {
      en: '"valid" shrinks the output by the window; "same" pads the input so the size is kept.',
      es: '"valid" encoge la salida según la ventana; "same" rellena la entrada para conservar el tamaño.',
    },
  });
}

/** The options shared by SimpleRNN, LSTM and GRU. */
export function recurrentCommon() {
  return {
    return_sequences: bool({
      default: false,
      description: {
        en: 'Output every time step (for another recurrent layer) instead of only the last one.',
        es: 'Devuelve todos los pasos de tiempo (para otra capa recurrente) y no solo el último.',
      },
    }),
    dropout: dropoutRate({
      en: 'Fraction of the inputs dropped at each step while training.',
      es: 'Fracción de las entradas que se descarta en cada paso durante el entrenamiento.',
    }),
    recurrent_dropout: dropoutRate({
      en: 'Fraction of the recurrent state dropped at each step while training.',
      es: 'Fracción del estado recurrente que se descarta en cada paso durante el entrenamiento.',
    }),
    go_backwards: bool({
      default: false,
      description: {
        en: 'Read the sequence from its last step to its first; with return_sequences, the steps come out in that order.',
        es: 'Lee la secuencia de su último paso al primero; con return_sequences, los pasos salen en ese orden.',
      },
    }),
    bidirectional: bool({
      default: false,
      description: {
        en: 'Wrap in Bidirectional: read the sequence forwards and backwards.',
        es: 'Envuelve en Bidirectional: lee la secuencia hacia delante y hacia atrás.',
      },
    }),
    merge_mode: choice({
      options: ['concat', 'sum', 'mul', 'ave'],
      default: 'concat',
      description: {
        en: 'How Bidirectional joins the two directions (concat doubles the features).',
        es: 'Cómo une Bidirectional las dos direcciones (concat duplica las características).',
      },
    }),
  };
}

/** Number of filters of a convolution, which is the number of output channels. */
export function filters(defaultValue = 32) {
  return int({
    default: defaultValue,
    description: {
      en: 'Number of filters, which is the number of output channels.',
      es: 'Número de filtros, es decir, de canales de salida.',
    },
  });
}

/** The window options of a 2-D convolution: its size and its steps (Conv2D, Conv2DTranspose, DepthwiseConv2D). */
export function window2d() {
  return {
    kernel_size: ints({
      length: 2,
      default: [3, 3],
      description: {
        en: 'Height and width of the window each filter slides over the input.',
        es: 'Alto y ancho de la ventana que cada filtro desliza sobre la entrada.',
      },
    }),
    strides: ints({
      length: 2,
      default: [1, 1],
      description: {
        en: 'How many rows and columns the window moves at each step.',
        es: 'Cuántas filas y columnas avanza la ventana en cada paso.',
      },
    }),
  };
}

/** The window options shared by Conv2D and Conv2DTranspose. */
export function conv2dCommon() {
  return { filters: filters(), ...window2d() };
}

/** What BatchNormalization and LayerNormalization share: epsilon, and whether they learn beta and gamma. */
export function normalizationCommon() {
  return {
    epsilon: float({
      default: 0.001,
      min: 0,
      max: 1,
      minExclusive: true,
      description: {
        en: 'Small number added to the variance so it never divides by zero.',
        es: 'Número pequeño que se suma a la varianza para no dividir nunca entre cero.',
      },
    }),
    center: bool({
      default: true,
      description: {
        en: 'Learn an offset (beta) added after normalising.',
        es: 'Aprende un desplazamiento (beta) que se suma tras normalizar.',
      },
    }),
    scale: bool({
      default: true,
      description: {
        en: 'Learn a factor (gamma) the normalised values are multiplied by.',
        es: 'Aprende un factor (gamma) por el que se multiplican los valores normalizados.',
      },
    }),
  };
}

/** The options shared by MaxPooling1D and AveragePooling1D. */
export function pooling1dCommon() {
  return {
    pool_size: int({
      default: 2,
      description: {
        en: 'Number of time steps in each pooling window.',
        es: 'Número de pasos de tiempo que abarca cada ventana de agrupación.',
      },
    }),
    strides: optionalInt({
      emptyMeans: { en: 'same as pool_size', es: 'igual que pool_size' },
      description: {
        en: 'How many time steps the window moves at each step; empty means pool_size.',
        es: 'Cuántos pasos de tiempo avanza la ventana cada vez; si se deja vacío, pool_size.',
      },
    }),
    padding: padding(),
  };
}

/**
 * The options shared by MaxPooling2D and AveragePooling2D. Keras' `strides` defaults to None,
 * meaning pool_size; there is no optional tuple spec, so it defaults to `[2, 2]`, the default
 * pool_size, and the learner changes both together.
 */
export function pooling2dCommon() {
  return {
    pool_size: ints({
      length: 2,
      default: [2, 2],
      description: {
        en: 'Height and width of each pooling window.',
        es: 'Alto y ancho de cada ventana de agrupación.',
      },
    }),
    strides: ints({
      length: 2,
      default: [2, 2],
      description: {
        en: "How many rows and columns the window moves at each step; Keras' default equals pool_size.",
        es: 'Cuántas filas y columnas avanza la ventana en cada paso; en Keras, por defecto, igual que pool_size.',
      },
    }),
    padding: padding(),
  };
}
