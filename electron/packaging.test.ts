import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

// electron-builder's own YAML reader and schema check, reached through electron-builder (the
// direct dependency) so that the test reads the file exactly as `npm run dist` will.
const requireFromRoot = createRequire(path.join(root, 'package.json'));
const requireFromBuilder = createRequire(
  requireFromRoot.resolve('app-builder-lib/package.json', { paths: [requireFromRoot.resolve('electron-builder')] }),
);
const yaml = requireFromBuilder('js-yaml') as { load(text: string): unknown };
const { validateConfiguration } = requireFromBuilder('./out/util/config/config.js') as {
  validateConfiguration(config: unknown, debugLogger: { isEnabled: boolean; add(): void }): Promise<void>;
};

interface TargetEntry {
  target: string;
  arch?: string[];
}

/** The part of the configuration the assertions read. */
interface BuilderConfig {
  appId: string;
  productName: string;
  directories: { output: string; buildResources: string };
  files: string[];
  asar: boolean;
  electronFuses: Record<string, boolean>;
  linux: { target: string[]; category: string; maintainer: string; icon: string };
  mac: { target: TargetEntry[]; icon: string };
  win: { target: TargetEntry[]; icon: string };
}

let config: BuilderConfig;

beforeAll(async () => {
  config = yaml.load(await readFile(path.join(root, 'electron-builder.yml'), 'utf8')) as BuilderConfig;
});

describe('electron-builder.yml', () => {
  it("matches electron-builder's schema, so no key is misspelt or misplaced", async () => {
    await expect(
      validateConfiguration(structuredClone(config), { isEnabled: false, add() {} }),
    ).resolves.toBeUndefined();
  });

  it('would reject a misspelt fuse (the schema check is real)', async () => {
    const misspelt = { ...structuredClone(config), electronFuses: { ...config.electronFuses, runAsNod: false } };
    await expect(validateConfiguration(misspelt, { isEnabled: false, add() {} })).rejects.toThrow(/electronFuses/);
  });

  it('flips the fuses of RELIABILITY.md item 7', () => {
    expect(config.electronFuses).toMatchObject({
      runAsNode: false,
      enableCookieEncryption: true,
      enableNodeOptionsEnvironmentVariable: false,
      enableNodeCliInspectArguments: false,
      enableEmbeddedAsarIntegrityValidation: true,
      onlyLoadAppFromAsar: true,
      grantFileProtocolExtraPrivileges: false,
    });
  });

  it('names the app and packs only the built bundles, in an asar', async () => {
    expect(config.appId).toBe('org.layerlab.app');
    expect(config.productName).toBe('LayerLab');
    expect(config.asar).toBe(true);
    expect(config.directories.output).toBe('release');
    expect(config.files).toEqual(['dist/**', 'dist-electron/**', 'package.json']);
    const manifest = JSON.parse(await readFile(path.join(root, 'package.json'), 'utf8')) as { main: string };
    expect(manifest.main).toBe('dist-electron/main.cjs');
  });

  it('builds AppImage and deb on Linux, dmg on macOS, nsis on Windows', () => {
    expect(config.linux.target).toEqual(['AppImage', 'deb']);
    expect(config.linux.category).toBe('Education');
    expect(config.linux.maintainer).toMatch(/<[^@>\s]+@[^>\s]+>$/);
    expect(config.mac.target.map((entry) => entry.target)).toEqual(['dmg']);
    expect(config.win.target.map((entry) => entry.target)).toEqual(['nsis']);
  });

  it('points every platform at a 512x512 PNG icon that exists', async () => {
    for (const icon of [config.linux.icon, config.mac.icon, config.win.icon]) {
      const png = await readFile(path.join(root, icon));
      expect(png.subarray(1, 4).toString('ascii')).toBe('PNG');
      expect(png.subarray(12, 16).toString('ascii')).toBe('IHDR');
      expect([png.readUInt32BE(16), png.readUInt32BE(20)]).toEqual([512, 512]);
    }
    expect(await readFile(path.join(root, 'build/icons/icon.svg'), 'utf8')).toMatch(/^<svg [^>]*viewBox="0 0 512 512"/);
  });
});
