#!/usr/bin/env node
// The `layerlab` command. It runs the TypeScript sources through tsx, so it works straight after
// `npm ci` with no build step, on the same shared/ code the app runs.
import { fileURLToPath } from 'node:url';
import { register } from 'tsx/esm/api';

// Our own tsconfig, not whatever the current directory holds.
register({ tsconfig: fileURLToPath(new URL('./tsconfig.json', import.meta.url)) });
const { main } = await import('./main.ts');
const { endQuietlyWhenOutputCloses } = await import('./io.ts');
endQuietlyWhenOutputCloses();
process.exitCode = await main(process.argv.slice(2));
