/** Which links LayerLab may open outside itself. Reads nothing but its arguments. */

/** Hosts of the documentation LayerLab links to. Text from a project file never reaches here. */
export const externalLinkHosts: readonly string[] = [
  'www.tensorflow.org',
  'js.tensorflow.org',
  'keras.io',
  'pytorch.org',
  'github.com',
];

/**
 * `https://host/path...` with a plain host name (no credentials, no port) and a path of printable
 * ASCII without spaces or backslashes. Deliberately narrower than what a URL parser accepts.
 */
const safeHttpsUrl = /^https:\/\/([a-z0-9.-]+)(\/[\x21-\x5b\x5d-\x7e]*)?$/;

/** True only for `https:` links to an allow-listed host. */
export function isAllowedExternalUrl(url: string): boolean {
  if (url.length > 2048) return false;
  const match = safeHttpsUrl.exec(url);
  return match !== null && match[1] !== undefined && externalLinkHosts.includes(match[1]);
}
