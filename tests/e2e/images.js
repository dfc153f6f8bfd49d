// Image checks done in the browser (it decodes PNGs; no image library needed).
'use strict';
const fs = require('fs');

// Fraction of pixels that differ by more than `threshold` in any channel, over the whole
// images or only inside `rect` (image pixels).
async function difference(page, fileA, fileB, rect = null, threshold = 48) {
  const a = fs.readFileSync(fileA).toString('base64'), b = fs.readFileSync(fileB).toString('base64');
  return page.evaluate(async ([a, b, rect, threshold]) => {
    async function pixels(b64) {
      const bytes = Uint8Array.from(atob(b64), c => c.charCodeAt(0));
      const bmp = await createImageBitmap(new Blob([bytes], { type: 'image/png' }));
      const c = new OffscreenCanvas(bmp.width, bmp.height);
      const g = c.getContext('2d');
      g.drawImage(bmp, 0, 0);
      const r = rect || { x: 0, y: 0, w: bmp.width, h: bmp.height };
      return { w: bmp.width, h: bmp.height, data: g.getImageData(r.x, r.y, r.w, r.h).data };
    }
    const [pa, pb] = [await pixels(a), await pixels(b)];
    if (pa.w !== pb.w || pa.h !== pb.h) return 1;
    let diff = 0;
    for (let i = 0; i < pa.data.length; i += 4) {
      const d = Math.max(Math.abs(pa.data[i] - pb.data[i]), Math.abs(pa.data[i + 1] - pb.data[i + 1]), Math.abs(pa.data[i + 2] - pb.data[i + 2]));
      if (d > threshold) diff++;
    }
    return diff / (pa.data.length / 4);
  }, [a, b, rect, threshold]);
}

// Fraction of dark ("ink") pixels inside a rectangle of an image (CSS px × scale).
async function ink(page, file, rect) {
  const a = fs.readFileSync(file).toString('base64');
  return page.evaluate(async ([a, r]) => {
    const bytes = Uint8Array.from(atob(a), c => c.charCodeAt(0));
    const bmp = await createImageBitmap(new Blob([bytes], { type: 'image/png' }));
    const c = new OffscreenCanvas(bmp.width, bmp.height);
    const g = c.getContext('2d');
    g.drawImage(bmp, 0, 0);
    const d = g.getImageData(r.x, r.y, r.w, r.h).data;
    let dark = 0;
    for (let i = 0; i < d.length; i += 4) if (d[i] + d[i + 1] + d[i + 2] < 3 * 128) dark++;
    return dark / (r.w * r.h);
  }, [a, rect]);
}

// Pixels of one colour (within `tolerance` per channel) in the band `margin` px around a
// rectangle (CSS px; `scale` device px per CSS px): finds a focus ring.
async function ring(page, file, rect, color, scale, margin = 8, tolerance = 40) {
  const a = fs.readFileSync(file).toString('base64');
  return page.evaluate(async ([a, r, color, scale, margin, tolerance]) => {
    const bytes = Uint8Array.from(atob(a), c => c.charCodeAt(0));
    const bmp = await createImageBitmap(new Blob([bytes], { type: 'image/png' }));
    const c = new OffscreenCanvas(bmp.width, bmp.height);
    const g = c.getContext('2d');
    g.drawImage(bmp, 0, 0);
    const x0 = Math.max(0, Math.floor((r.x - margin) * scale)), y0 = Math.max(0, Math.floor((r.y - margin) * scale));
    const x1 = Math.min(bmp.width, Math.ceil((r.x + r.w + margin) * scale)), y1 = Math.min(bmp.height, Math.ceil((r.y + r.h + margin) * scale));
    const d = g.getImageData(x0, y0, x1 - x0, y1 - y0).data;
    let hits = 0;
    for (let y = y0; y < y1; y++)
      for (let x = x0; x < x1; x++) {
        const inner = x > (r.x + 2) * scale && x < (r.x + r.w - 2) * scale && y > (r.y + 2) * scale && y < (r.y + r.h - 2) * scale;
        if (inner) continue;
        const i = ((y - y0) * (x1 - x0) + (x - x0)) * 4;
        if (Math.abs(d[i] - color[0]) <= tolerance && Math.abs(d[i + 1] - color[1]) <= tolerance && Math.abs(d[i + 2] - color[2]) <= tolerance) hits++;
      }
    return hits;
  }, [a, rect, color, scale, margin, tolerance]);
}

module.exports = { difference, ink, ring };
