/**
 * Formats an exported TypeScript program with Prettier's standalone build, which runs anywhere
 * (renderer, worker, Node) and is loaded only when a program is exported. Reads nothing but its
 * arguments.
 */

/** The exported program's style: Prettier's defaults with single quotes, at 100 columns. */
export async function formatTypeScript(source: string): Promise<string> {
  const [prettier, typescript, estree] = await Promise.all([
    import('prettier/standalone'),
    import('prettier/plugins/typescript'),
    import('prettier/plugins/estree'),
  ]);
  return prettier.format(source, {
    parser: 'typescript',
    plugins: [typescript, estree],
    printWidth: 100,
    singleQuote: true,
    trailingComma: 'all',
  });
}
