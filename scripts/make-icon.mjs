#!/usr/bin/env node
// Draws the extension icon, images/icon.png (128x128 RGBA): a timeline of three task bars,
// staggered like a schedule, with a milestone diamond, on a rounded blue square. Written as a
// PNG with zlib, no image library or browser needed. The PNG is committed; run this again only
// to change the design:  node scripts/make-icon.mjs
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { deflateSync } from 'node:zlib';

const size = 128;
const background = [0x1f, 0x4e, 0x79];
const bar = [0xff, 0xff, 0xff];
const critical = [0xf2, 0xa9, 0x00];
const radius = 22;
// Task bars as [x0, x1, y0, y1, colour]: each starts where the one above ends (a dependency).
const bars = [
  [20, 60, 28, 44, bar],
  [56, 92, 56, 72, critical],
  [88, 108, 84, 100, bar],
];
const milestone = { x: 106, y: 36, r: 10, colour: critical };

/** Coverage of pixel (x, y) by the rounded square: anti-aliased at the corners. */
function insideRoundedSquare(x, y) {
  const cx = Math.min(Math.max(x + 0.5, radius), size - radius);
  const cy = Math.min(Math.max(y + 0.5, radius), size - radius);
  const distance = Math.hypot(x + 0.5 - cx, y + 0.5 - cy);
  return Math.min(1, Math.max(0, radius - distance + 0.5));
}

function pixel(x, y) {
  const alpha = insideRoundedSquare(x, y);
  let colour = background;
  for (const [x0, x1, y0, y1, c] of bars) if (x >= x0 && x < x1 && y >= y0 && y < y1) colour = c;
  if (Math.abs(x + 0.5 - milestone.x) + Math.abs(y + 0.5 - milestone.y) <= milestone.r) colour = milestone.colour;
  return [...colour, Math.round(alpha * 255)];
}

const crcTable = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k += 1) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});
function crc32(buffer) {
  let c = 0xffffffff;
  for (const byte of buffer) c = crcTable[(c ^ byte) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}
function chunk(type, data) {
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([length, body, crc]);
}

const header = Buffer.alloc(13);
header.writeUInt32BE(size, 0);
header.writeUInt32BE(size, 4);
header[8] = 8; // bit depth
header[9] = 6; // RGBA
// Each scanline starts with filter type 0 (none).
const raw = Buffer.alloc(size * (1 + size * 4));
for (let y = 0; y < size; y += 1) {
  const row = y * (1 + size * 4);
  for (let x = 0; x < size; x += 1) Buffer.from(pixel(x, y)).copy(raw, row + 1 + x * 4);
}
const png = Buffer.concat([
  Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
  chunk('IHDR', header),
  chunk('IDAT', deflateSync(raw, { level: 9 })),
  chunk('IEND', Buffer.alloc(0)),
]);
const out = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../images/icon.png');
writeFileSync(out, png);
console.log(`wrote ${path.relative(process.cwd(), out)} (${size}x${size}, ${png.length} bytes)`);
