import { existsSync } from 'node:fs';
import { chromiumPath } from './chromium';

/** Fails the run at once, with the fix, when the browser the tests drive is not installed. */
export default function checkChromium(): void {
  if (!existsSync(chromiumPath)) {
    throw new Error(
      `Chromium was not found at ${chromiumPath}. Install it with "sudo apt-get install chromium" ` +
        '(Debian/Ubuntu), or point CHROMIUM_PATH at a Chromium or Chrome binary.',
    );
  }
}
