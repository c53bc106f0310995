/**
 * Where the PyTorch baselines run: Debian's python3-torch belongs to /usr/bin/python3, and its
 * speed on small layers hangs on which of Debian's two BLAS builds it loads, picked per process
 * with LD_LIBRARY_PATH. Used by vs-pytorch.ts and lesson-vs-pytorch.ts.
 */
import { existsSync } from 'node:fs';

export const python = '/usr/bin/python3';

const lib = '/usr/lib/x86_64-linux-gnu';

/** The BLAS builds installed here: reference BLAS (apt's default for python3-torch) and OpenBLAS. */
export const blasBuilds = [
  { label: 'reference BLAS', libraryPath: `${lib}/blas:${lib}/lapack`, probe: `${lib}/blas/libblas.so.3` },
  { label: 'OpenBLAS', libraryPath: `${lib}/openblas-pthread`, probe: `${lib}/openblas-pthread/libblas.so.3` },
].filter((build) => existsSync(build.probe));
