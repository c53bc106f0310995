/** Where the end-to-end tests find Chromium and how they start it. */
export const chromiumPath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

export const chromiumArgs = [
  '--no-sandbox',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  // Software WebGL, so training can exercise the GPU code path on machines without a GPU.
  '--enable-unsafe-swiftshader',
];
