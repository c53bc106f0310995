/** Words and numbers in the exported programs' comments. Reads nothing but its arguments. */
import type { Shape } from './shape.js';

/** Long text (pixels, base64) cut into pieces of `size` characters, for a literal over many lines. */
export function cutText(text: string, size: number): string[] {
  const cut: string[] = [];
  for (let start = 0; start < text.length; start += size) cut.push(text.slice(start, start + size));
  return cut.length > 0 ? cut : [''];
}

/** `2,950`. */
export function thousands(value: number): string {
  return value.toLocaleString('en-US');
}

/** A shape with its batch axis named, for comments: `(batch, 3, 8)`. */
export function describeShape(shape: Shape): string {
  return `(${shape.map((dim, index) => (index === 0 ? 'batch' : String(dim ?? 'None'))).join(', ')})`;
}

/**
 * `text` as comment lines of at most `width` characters, each starting with `indent` and
 * `marker` (`# ` or `// `). Only LayerLab's own words go here, never a user's.
 */
export function commentLines(text: string, indent: string, marker: string, width = 100): string[] {
  const room = Math.max(20, width - indent.length - marker.length);
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(/\s+/).filter((part) => part !== '')) {
    if (line !== '' && line.length + 1 + word.length > room) {
      lines.push(line);
      line = word;
    } else {
      line = line === '' ? word : `${line} ${word}`;
    }
  }
  if (line !== '') lines.push(line);
  return lines.map((content) => `${indent}${marker}${content}`);
}

/**
 * The lines that print a classifier's five likeliest answers under `heading` (a template literal
 * body), as the playground lists them: TypeScript, from `output` and the label array `labels`.
 */
export function typescriptRanked(labels: string, heading: string): string[] {
  return [
    `const ranked = Array.from(output.dataSync(), (probability, index) => ({ label: String(${labels}[index]), probability }))`,
    `  .sort((a, b) => b.probability - a.probability)`,
    `  .slice(0, 5);`,
    `console.log(\`${heading} the network expects:\`);`,
    `for (const { label, probability } of ranked) {`,
    '  console.log(`  ${JSON.stringify(label)}  ${(probability * 100).toFixed(1)}%`);',
    `}`,
  ];
}

/**
 * The same in Python, from `probabilities` and the label list `labels`; `heading` is an f-string
 * body. Labels are quoted as JSON, as the TypeScript program quotes them.
 */
export function pythonRanked(labels: string, heading: string): string[] {
  return [
    `print(f"${heading} the network expects:")`,
    'for index in np.argsort(probabilities)[::-1][:5]:',
    `    print(f"  {json.dumps(str(${labels}[index]))}  {probabilities[index]:.1%}")`,
  ];
}
