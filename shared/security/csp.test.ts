import { describe, expect, it } from 'vitest';
import { contentSecurityPolicy, metaContentSecurityPolicy } from './csp.js';

/** Parses a policy into directive name → sources. */
function parse(policy: string): Map<string, string[]> {
  const result = new Map<string, string[]>();
  for (const directive of policy.split(';')) {
    const [name, ...sources] = directive.trim().split(/\s+/);
    if (name) result.set(name, sources);
  }
  return result;
}

describe('contentSecurityPolicy', () => {
  const policy = parse(contentSecurityPolicy);

  it('is the exact policy the app ships', () => {
    expect(contentSecurityPolicy).toBe(
      "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self' 'unsafe-inline'; " +
        "img-src 'self' data: blob:; font-src 'self' data:; connect-src 'self' blob: data:; " +
        "worker-src 'self' blob:; object-src 'none'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'",
    );
  });

  it('never allows JavaScript eval or inline scripts', () => {
    expect(policy.get('script-src')).toEqual(["'self'", "'wasm-unsafe-eval'"]);
    expect(contentSecurityPolicy).not.toContain("'unsafe-eval'");
    expect(contentSecurityPolicy).not.toMatch(/script-src[^;]*'unsafe-inline'/);
  });

  it('loads nothing from the network', () => {
    for (const sources of policy.values()) {
      for (const source of sources) expect(source).toMatch(/^('[a-z-]+'|data:|blob:)$/);
    }
  });

  it('shuts plugins, base rewriting, form posts and framing', () => {
    expect(policy.get('object-src')).toEqual(["'none'"]);
    expect(policy.get('base-uri')).toEqual(["'none'"]);
    expect(policy.get('form-action')).toEqual(["'none'"]);
    expect(policy.get('frame-ancestors')).toEqual(["'none'"]);
  });
});

describe('metaContentSecurityPolicy', () => {
  it('is the header policy without frame-ancestors, which a <meta> tag cannot carry', () => {
    const header = parse(contentSecurityPolicy);
    header.delete('frame-ancestors');
    expect(parse(metaContentSecurityPolicy)).toEqual(header);
    expect(metaContentSecurityPolicy).not.toContain('frame-ancestors');
  });
});
