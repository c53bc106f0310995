/**
 * Keras names to tf.js objects: activations, initialisers (seeded), and the fast orthogonal
 * initialiser. Reads nothing but its arguments.
 */
import type * as Tf from '@tensorflow/tfjs';
import { orthogonalValues } from '../math/orthogonal.js';
import type { ActivationName, initializers } from './common.js';
import type { TfModule } from './types.js';

type TfActivation = NonNullable<Parameters<TfModule['layers']['dense']>[0]['activation']>;
export type TfInitializer = ReturnType<TfModule['initializers']['ones']>;

/** Keras and tf.js share these names. */
export function tfActivation(name: ActivationName): TfActivation {
  return name;
}

/**
 * An initialiser equal in distribution to tf.js' `Orthogonal`, computed in TypeScript. It reports
 * itself as `Orthogonal` when a model is saved, so a saved model reloads with tf.js' own class.
 */
export function fastOrthogonal(tf: TfModule, seed: number): TfInitializer {
  // tf.js does not export its Initializer base class, and getInitializer() accepts an instance
  // of it only; reach it through a built-in initialiser's prototype chain.
  const Base = Object.getPrototypeOf(tf.initializers.zeros().constructor) as abstract new () => TfInitializer;
  class FastOrthogonal extends Base {
    static className = 'Orthogonal';
    override apply(shape: number[], dtype?: Tf.DataType): Tf.Tensor {
      return tf.tensor(orthogonalValues(shape, seed), shape, dtype ?? 'float32');
    }
    override getConfig(): Tf.serialization.ConfigDict {
      return { gain: 1, seed };
    }
  }
  return new FastOrthogonal();
}

/** A Keras initialiser name as a seeded tf.js initialiser. */
export function tfInitializer(tf: TfModule, name: (typeof initializers)[number], seed: number): TfInitializer {
  const init = tf.initializers;
  switch (name) {
    case 'glorot_uniform':
      return init.glorotUniform({ seed });
    case 'glorot_normal':
      return init.glorotNormal({ seed });
    case 'he_uniform':
      return init.heUniform({ seed });
    case 'he_normal':
      return init.heNormal({ seed });
    case 'lecun_uniform':
      return init.leCunUniform({ seed });
    case 'lecun_normal':
      return init.leCunNormal({ seed });
    case 'orthogonal':
      return fastOrthogonal(tf, seed);
    case 'zeros':
      return init.zeros();
    case 'ones':
      return init.ones();
    case 'random_normal':
      // Keras' defaults: mean 0, stddev 0.05; minval -0.05, maxval 0.05.
      return init.randomNormal({ mean: 0, stddev: 0.05, seed });
    case 'random_uniform':
      return init.randomUniform({ minval: -0.05, maxval: 0.05, seed });
  }
}

/** A two-element parameter (`kernel_size`, `pool_size`) as the tuple tf.js' types ask for. */
export function pair(values: readonly number[]): [number, number] {
  return [values[0] ?? 1, values[1] ?? 1];
}
