/**
 * A poisoning check for property tests (RELIABILITY.md item 28), built on @fast-check/poisoning:
 * fails when code under test changed, added or removed anything reachable from `globalThis`,
 * such as a method of `Object.prototype`. Import this module after the code under test, so the
 * globals its own loading sets up are part of what is recorded.
 */
import './touch-globals';
import { assertNoPoisoning } from '@fast-check/poisoning';

/** Vitest keeps its own state on globalThis between tests; that is not the tested code's doing. */
const vitestRoots = /^(__vitest|__VITEST|__vite|__tinypool|__coverage__|\$\$)/;

/**
 * The roots that data can reach (`__proto__`, `constructor.prototype` merges): checked after
 * every case. Everything else reachable from globalThis, new globals included, is checked every
 * `fullEvery` cases and at the end of a property: a full check takes about 5 ms, too long for
 * tens of thousands of cases, and poisoning stays until someone undoes it.
 */
const everyCaseRoots =
  /^(?!(Object|Array|Function|String|Number|Boolean|Symbol|JSON|Map|Set|Promise|RegExp|Error|Reflect|Math)$)/;

/** A hook for `property.afterEach`, counting the cases it has seen. */
export function poisoningCheck(fullEvery = 100): { afterEach: () => void; full: () => void } {
  let cases = 0;
  const full = () => assertNoPoisoning({ ignoredRootRegex: vitestRoots });
  return {
    afterEach() {
      cases += 1;
      if (cases % fullEvery === 0) full();
      else assertNoPoisoning({ ignoredRootRegex: everyCaseRoots });
    },
    full,
  };
}
