/**
 * How a problem looks while the learner draws: an error in red, a warning in amber, and a wiring
 * gap (a layer just dropped, a gap left by a deletion) as a quiet hint, since the learner is
 * usually about to wire it. A hint still stops Train, which says so.
 */
import { wiringCodes, type Problem } from '../../../shared/vocabulary/problems';

export type Tone = 'error' | 'warning' | 'hint';

export function toneOf(problem: Pick<Problem, 'code' | 'severity'>): Tone {
  return wiringCodes.has(problem.code) ? 'hint' : problem.severity;
}
