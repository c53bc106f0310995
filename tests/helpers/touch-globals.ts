/**
 * Reads every global once. Node defines some (TextEncoder, AbortController, …) as getters that
 * replace themselves on first use; reading them all before @fast-check/poisoning records the
 * globals keeps that first use from being reported as poisoning.
 */
for (const name of Object.getOwnPropertyNames(globalThis)) {
  try {
    void (globalThis as Record<string, unknown>)[name];
  } catch {
    // A getter that throws is left as it is.
  }
}
