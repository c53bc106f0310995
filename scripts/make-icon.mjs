// Draws LayerLab's icon: three nodes, each wired to the others, on a rounded indigo square. Writes build/icons/icon.png (512x512, what electron-builder converts for every
// platform) and build/icons/icon.svg from the same geometry. Needs nothing but Node:
// shapes are signed distance fields, so edges are anti-aliased without a canvas library.
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { deflateSync } from 'node:zlib';

const size = 512;
const outputFolder = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', 'build', 'icons');

// Geometry, in pixels of the 512x512 icon.
const tile = { x: 32, y: 32, size: 448, radius: 100 };
const gradient = { from: [0x63, 0x66, 0xf1], to: [0x43, 0x38, 0xca] }; // indigo 500 → 700
const edgeColor = [0xc7, 0xd2, 0xfe]; // indigo 200
const edgeWidth = 24;
// An equilateral triangle around the tile's centre, nudged down so it looks centred.
const nodes = [
  { x: 256, y: 154, radius: 56 },
  { x: 152, y: 334, radius: 56 },
  { x: 360, y: 334, radius: 56 },
];
const edges = nodes.map((node, index) => [node, nodes[(index + 1) % nodes.length]]);
const nodeColor = [0xff, 0xff, 0xff];
const centreColor = [0x4f, 0x46, 0xe5]; // indigo 600
const centreRatio = 0.36;

/** Signed distance from (px, py) to a rounded square. */
function roundedSquareDistance(px, py) {
  const half = tile.size / 2;
  const qx = Math.abs(px - (tile.x + half)) - (half - tile.radius);
  const qy = Math.abs(py - (tile.y + half)) - (half - tile.radius);
  const outside = Math.hypot(Math.max(qx, 0), Math.max(qy, 0));
  return outside + Math.min(Math.max(qx, qy), 0) - tile.radius;
}

function circleDistance(px, py, circle, radius = circle.radius) {
  return Math.hypot(px - circle.x, py - circle.y) - radius;
}

/** Signed distance from (px, py) to a line of `width` from a to b with round ends. */
function segmentDistance(px, py, a, b, width) {
  const dx = b.x - a.x;
  const dy = b.y - a.y;
  const t = Math.max(0, Math.min(1, ((px - a.x) * dx + (py - a.y) * dy) / (dx * dx + dy * dy)));
  return Math.hypot(px - (a.x + t * dx), py - (a.y + t * dy)) - width / 2;
}

/** How much of a pixel a shape at signed distance `distance` covers. */
function coverage(distance) {
  return Math.max(0, Math.min(1, 0.5 - distance));
}

/** Paints `color` at `alpha` over the straight-alpha RGBA `pixel`. */
function over(pixel, color, alpha) {
  if (alpha <= 0) return;
  const outAlpha = alpha + pixel[3] * (1 - alpha);
  for (let channel = 0; channel < 3; channel += 1) {
    pixel[channel] = (color[channel] * alpha + pixel[channel] * pixel[3] * (1 - alpha)) / outAlpha;
  }
  pixel[3] = outAlpha;
}

function drawPixel(px, py) {
  const pixel = [0, 0, 0, 0];
  const along = Math.max(0, Math.min(1, (px - tile.x + (py - tile.y)) / (2 * tile.size)));
  const background = gradient.from.map((from, channel) => from + (gradient.to[channel] - from) * along);
  over(pixel, background, coverage(roundedSquareDistance(px, py)));
  for (const [from, to] of edges) over(pixel, edgeColor, coverage(segmentDistance(px, py, from, to, edgeWidth)));
  for (const node of nodes) {
    over(pixel, nodeColor, coverage(circleDistance(px, py, node)));
    over(pixel, centreColor, coverage(circleDistance(px, py, node, node.radius * centreRatio)));
  }
  return pixel;
}

const crcTable = Array.from({ length: 256 }, (_, index) => {
  let value = index;
  for (let bit = 0; bit < 8; bit += 1) value = value & 1 ? 0xedb88320 ^ (value >>> 1) : value >>> 1;
  return value >>> 0;
});

function crc32(bytes) {
  let crc = 0xffffffff;
  for (const byte of bytes) crc = crcTable[(crc ^ byte) & 0xff] ^ (crc >>> 8);
  return (crc ^ 0xffffffff) >>> 0;
}

function chunk(type, data) {
  const typeAndData = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(typeAndData));
  return Buffer.concat([length, typeAndData, crc]);
}

function encodePng() {
  // Each row starts with filter type 0 (none); deflate does the compressing.
  const rows = Buffer.alloc(size * (size * 4 + 1));
  for (let y = 0; y < size; y += 1) {
    const rowStart = y * (size * 4 + 1);
    for (let x = 0; x < size; x += 1) {
      const [red, green, blue, alpha] = drawPixel(x + 0.5, y + 0.5);
      const offset = rowStart + 1 + x * 4;
      rows[offset] = Math.round(red);
      rows[offset + 1] = Math.round(green);
      rows[offset + 2] = Math.round(blue);
      rows[offset + 3] = Math.round(alpha * 255);
    }
  }
  const header = Buffer.alloc(13);
  header.writeUInt32BE(size, 0);
  header.writeUInt32BE(size, 4);
  header[8] = 8; // bits per channel
  header[9] = 6; // RGBA
  const signature = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  return Buffer.concat([
    signature,
    chunk('IHDR', header),
    chunk('IDAT', deflateSync(rows, { level: 9 })),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

function hex(color) {
  return `#${color.map((channel) => channel.toString(16).padStart(2, '0')).join('')}`;
}

function encodeSvg() {
  const circles = nodes
    .map(
      (node) =>
        `  <circle cx="${node.x}" cy="${node.y}" r="${node.radius}" fill="${hex(nodeColor)}"/>\n` +
        `  <circle cx="${node.x}" cy="${node.y}" r="${node.radius * centreRatio}" fill="${hex(centreColor)}"/>`,
    )
    .join('\n');
  const lines = edges
    .map(
      ([from, to]) =>
        `  <line x1="${from.x}" y1="${from.y}" x2="${to.x}" y2="${to.y}" stroke="${hex(edgeColor)}" ` +
        `stroke-width="${edgeWidth}" stroke-linecap="round"/>`,
    )
    .join('\n');
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${size}" height="${size}" viewBox="0 0 ${size} ${size}">
  <title>LayerLab</title>
  <defs>
    <linearGradient id="tile" x1="${tile.x}" y1="${tile.y}" x2="${tile.x + tile.size}" y2="${tile.y + tile.size}" gradientUnits="userSpaceOnUse">
      <stop offset="0" stop-color="${hex(gradient.from)}"/>
      <stop offset="1" stop-color="${hex(gradient.to)}"/>
    </linearGradient>
  </defs>
  <rect x="${tile.x}" y="${tile.y}" width="${tile.size}" height="${tile.size}" rx="${tile.radius}" fill="url(#tile)"/>
${lines}
${circles}
</svg>
`;
}

await mkdir(outputFolder, { recursive: true });
await writeFile(path.join(outputFolder, 'icon.png'), encodePng());
await writeFile(path.join(outputFolder, 'icon.svg'), encodeSvg());
console.log(`Wrote icon.png and icon.svg to ${path.relative(process.cwd(), outputFolder) || '.'}`);
