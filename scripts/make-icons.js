#!/usr/bin/env node
// Writes the app's icons into a folder: icon.svg and icon-192.png / icon-512.png, drawn from
// one description (a white ring with a tick on the app's blue), so the two never disagree.
// No image library: the PNGs are rasterised and encoded here (zlib comes with Node).
//   node scripts/make-icons.js OUT_DIR
'use strict';
const fs = require('fs');
const path = require('path');
const zlib = require('zlib');

// In units of the icon's side; everything stays inside the central 80 % that a maskable icon keeps.
const BLUE = [0x0b, 0x5c, 0xad], WHITE = [0xff, 0xff, 0xff];
const RING = { cx: 0.5, cy: 0.5, r: 0.27, width: 0.055 };
const TICK = { points: [[0.37, 0.51], [0.46, 0.60], [0.64, 0.41]], width: 0.07 };

function svg() {
  const pts = TICK.points.map(([x, y]) => `${x * 512},${y * 512}`).join(' ');
  return `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 512 512">` +
    `<rect width="512" height="512" fill="#0b5cad"/>` +
    `<circle cx="${RING.cx * 512}" cy="${RING.cy * 512}" r="${RING.r * 512}" fill="none" stroke="#fff" stroke-width="${RING.width * 512}"/>` +
    `<polyline points="${pts}" fill="none" stroke="#fff" stroke-width="${TICK.width * 512}" stroke-linecap="round" stroke-linejoin="round"/>` +
    `</svg>\n`;
}

function distanceToSegment(x, y, [ax, ay], [bx, by]) {
  const dx = bx - ax, dy = by - ay;
  const t = Math.max(0, Math.min(1, ((x - ax) * dx + (y - ay) * dy) / (dx * dx + dy * dy)));
  return Math.hypot(x - ax - t * dx, y - ay - t * dy);
}

function white(x, y) {
  if (Math.abs(Math.hypot(x - RING.cx, y - RING.cy) - RING.r) <= RING.width / 2) return true;
  for (let i = 1; i < TICK.points.length; i++)
    if (distanceToSegment(x, y, TICK.points[i - 1], TICK.points[i]) <= TICK.width / 2) return true;
  return false;
}

// RGB rows, each led by PNG filter byte 0; 4×4 samples per pixel smooth the edges.
function raster(size) {
  const rows = Buffer.alloc(size * (1 + size * 3));
  const n = 4;
  for (let py = 0; py < size; py++) {
    rows[py * (1 + size * 3)] = 0;
    for (let px = 0; px < size; px++) {
      let hits = 0;
      for (let sy = 0; sy < n; sy++)
        for (let sx = 0; sx < n; sx++) if (white((px + (sx + 0.5) / n) / size, (py + (sy + 0.5) / n) / size)) hits++;
      const a = hits / (n * n), at = py * (1 + size * 3) + 1 + px * 3;
      for (let c = 0; c < 3; c++) rows[at + c] = Math.round(BLUE[c] * (1 - a) + WHITE[c] * a);
    }
  }
  return rows;
}

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});
function crc32(buf) {
  let c = 0xffffffff;
  for (const b of buf) c = CRC_TABLE[(c ^ b) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

function chunk(type, data) {
  const head = Buffer.alloc(8), tail = Buffer.alloc(4);
  head.writeUInt32BE(data.length, 0);
  head.write(type, 4, 'ascii');
  tail.writeUInt32BE(crc32(Buffer.concat([Buffer.from(type, 'ascii'), data])), 0);
  return Buffer.concat([head, data, tail]);
}

function png(size) {
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(size, 0);
  ihdr.writeUInt32BE(size, 4);
  ihdr[8] = 8;  // bits per channel
  ihdr[9] = 2;  // RGB
  return Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), chunk('IHDR', ihdr),
                        chunk('IDAT', zlib.deflateSync(raster(size), { level: 9 })), chunk('IEND', Buffer.alloc(0))]);
}

const out = process.argv[2];
if (!out) {
  console.error('usage: make-icons.js OUT_DIR');
  process.exit(2);
}
fs.mkdirSync(out, { recursive: true });
fs.writeFileSync(path.join(out, 'icon.svg'), svg());
for (const size of [192, 512]) fs.writeFileSync(path.join(out, `icon-${size}.png`), png(size));
