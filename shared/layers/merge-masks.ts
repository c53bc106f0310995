/**
 * The mask a merge layer hands on when an Embedding with mask_zero feeds it, computed the way
 * Keras means it. tf.js' own get it wrong: Add's keeps the first input's mask alone and gives it an
 * extra leading axis (a recurrent layer after it then throws), and Concatenate's cannot join a
 * masked input with an unmasked one along the time axis (neither can Keras 2's).
 * Reads nothing but its arguments.
 */
import type * as Tf from '@tensorflow/tfjs';
import type { TfModule } from './types.js';

/**
 * Masks are (batch, time) for inputs (batch, time, features); an unmasked input keeps every
 * step. Joined along `axis` (Concatenate on an axis before the last), or kept where every input
 * keeps the step (Add, and Concatenate on the last axis). Null when no input is masked.
 */
export function mergeMasks(
  tf: TfModule,
  inputs: Tf.Tensor | Tf.Tensor[],
  masks: Tf.Tensor | Tf.Tensor[] | undefined,
  axis: number | null,
): Tf.Tensor | null {
  const inputList = Array.isArray(inputs) ? inputs : [inputs];
  const maskList: (Tf.Tensor | null | undefined)[] = Array.isArray(masks) ? masks : [masks];
  if (!maskList.some((mask) => mask !== null && mask !== undefined)) return null;
  return tf.tidy(() => {
    const steps = inputList.map((input, index) => maskList[index] ?? tf.ones(input.shape.slice(0, -1), 'bool'));
    const rank = inputList[0]?.rank ?? 0;
    const joinAt = axis === null ? null : axis < 0 ? rank + axis : axis;
    if (joinAt !== null && joinAt < rank - 1) return tf.concat(steps, joinAt);
    return steps.reduce((kept, mask) => tf.logicalAnd(kept, mask));
  });
}
