#!/usr/bin/env node
/**
 * Generates the add-in icons in assets/ (icon-16/32/64/80/128.png) with no
 * dependency other than Node's zlib.
 *
 * Motif: a green rounded square carrying a white sheet (a small table with a
 * header row and grid lines) and a check mark badge in the lower-right corner.
 * The 16 px icon drops the grid and keeps the sheet and the check, so it stays
 * readable on the ribbon.
 *
 * Shapes are described in a unit square (0..1) and rasterised with 8x8
 * supersampling for anti-aliasing.
 *
 * Usage: node scripts/make-icons.js [outDir]   (default: assets/)
 */
"use strict";

const fs = require("node:fs");
const path = require("node:path");
const zlib = require("node:zlib");

const SIZES = [16, 32, 64, 80, 128];

// Palette (sRGB).
const GREEN = [16, 124, 65]; // #107C41
const GREEN_DARK = [11, 85, 45]; // #0B552D
const WHITE = [255, 255, 255];
const HEADER = [198, 225, 208]; // #C6E1D0, light green header row
const GRID = [120, 180, 143]; // #78B48F
const BADGE = [255, 185, 0]; // #FFB900, amber check badge

/* ---------- PNG encoding ---------- */

const CRC_TABLE = (() => {
  const table = new Uint32Array(256);
  for (let n = 0; n < 256; n++) {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    table[n] = c >>> 0;
  }
  return table;
})();

function crc32(buf) {
  let c = 0xffffffff;
  for (let i = 0; i < buf.length; i++) c = CRC_TABLE[(c ^ buf[i]) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

function chunk(type, data) {
  const len = Buffer.alloc(4);
  len.writeUInt32BE(data.length, 0);
  const typeAndData = Buffer.concat([Buffer.from(type, "ascii"), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(typeAndData), 0);
  return Buffer.concat([len, typeAndData, crc]);
}

/** Encodes straight (non-premultiplied) RGBA pixels as a PNG file. */
function encodePng(width, height, rgba) {
  const signature = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(width, 0);
  ihdr.writeUInt32BE(height, 4);
  ihdr[8] = 8; // bit depth
  ihdr[9] = 6; // colour type RGBA
  ihdr[10] = 0; // compression
  ihdr[11] = 0; // filter
  ihdr[12] = 0; // no interlace
  const raw = Buffer.alloc((width * 4 + 1) * height);
  for (let y = 0; y < height; y++) {
    raw[y * (width * 4 + 1)] = 0; // filter type: None
    rgba.copy(raw, y * (width * 4 + 1) + 1, y * width * 4, (y + 1) * width * 4);
  }
  const idat = zlib.deflateSync(raw, { level: 9 });
  return Buffer.concat([signature, chunk("IHDR", ihdr), chunk("IDAT", idat), chunk("IEND", Buffer.alloc(0))]);
}

/* ---------- geometry (unit square coordinates) ---------- */

function inRoundedRect(x, y, x0, y0, x1, y1, r) {
  if (x < x0 || x > x1 || y < y0 || y > y1) return false;
  const cx = Math.min(Math.max(x, x0 + r), x1 - r);
  const cy = Math.min(Math.max(y, y0 + r), y1 - r);
  return (x - cx) ** 2 + (y - cy) ** 2 <= r * r;
}

function distToSegment(px, py, ax, ay, bx, by) {
  const dx = bx - ax;
  const dy = by - ay;
  const t = Math.max(0, Math.min(1, ((px - ax) * dx + (py - ay) * dy) / (dx * dx + dy * dy)));
  return Math.hypot(px - (ax + t * dx), py - (ay + t * dy));
}

/**
 * Returns the colour at a point of the icon, or null for transparent.
 * Later layers win. `detailed` turns on the table grid (sizes >= 32).
 */
function colourAt(x, y, detailed) {
  // Layer 1: green rounded square background.
  if (!inRoundedRect(x, y, 0.02, 0.02, 0.98, 0.98, 0.2)) return null;
  let colour = GREEN;

  // Layer 2: white sheet with a header row and grid lines.
  const sx0 = 0.2, sy0 = 0.18, sx1 = 0.8, sy1 = 0.78;
  if (inRoundedRect(x, y, sx0, sy0, sx1, sy1, 0.04)) {
    colour = WHITE;
    if (detailed) {
      const headerBottom = 0.32;
      if (y < headerBottom) colour = HEADER;
      const line = 0.018;
      const rows = [headerBottom, 0.47, 0.62];
      const cols = [0.4];
      if (rows.some((ry) => Math.abs(y - ry) < line) || (y > sy0 && cols.some((cx) => Math.abs(x - cx) < line))) {
        colour = GRID;
      }
    } else {
      // Two bold lines suggest rows at small sizes.
      if (Math.abs(y - 0.36) < 0.045 || Math.abs(y - 0.52) < 0.045) colour = HEADER;
    }
  }

  // Layer 3: check badge (amber disc with a dark-green ring gap and a white check).
  const bx = 0.72, by = 0.72, br = 0.24;
  const d = Math.hypot(x - bx, y - by);
  if (d <= br + 0.035) colour = GREEN; // ring separating the badge from the sheet
  if (d <= br) {
    colour = BADGE;
    const stroke = detailed ? 0.045 : 0.06;
    const onCheck =
      distToSegment(x, y, bx - 0.12, by + 0.0, bx - 0.035, by + 0.09) < stroke ||
      distToSegment(x, y, bx - 0.035, by + 0.09, bx + 0.12, by - 0.085) < stroke;
    if (onCheck) colour = GREEN_DARK;
  }
  return colour;
}

function renderIcon(size) {
  const samples = 8;
  const detailed = size >= 32;
  const rgba = Buffer.alloc(size * size * 4);
  for (let py = 0; py < size; py++) {
    for (let px = 0; px < size; px++) {
      let r = 0, g = 0, b = 0, a = 0;
      for (let sy = 0; sy < samples; sy++) {
        for (let sx = 0; sx < samples; sx++) {
          const c = colourAt((px + (sx + 0.5) / samples) / size, (py + (sy + 0.5) / samples) / size, detailed);
          if (c) {
            r += c[0];
            g += c[1];
            b += c[2];
            a += 1;
          }
        }
      }
      const o = (py * size + px) * 4;
      if (a > 0) {
        rgba[o] = Math.round(r / a);
        rgba[o + 1] = Math.round(g / a);
        rgba[o + 2] = Math.round(b / a);
        rgba[o + 3] = Math.round((255 * a) / (samples * samples));
      }
    }
  }
  return encodePng(size, size, rgba);
}

function main() {
  const outDir = path.resolve(process.argv[2] || path.join(__dirname, "..", "assets"));
  fs.mkdirSync(outDir, { recursive: true });
  for (const size of SIZES) {
    const file = path.join(outDir, `icon-${size}.png`);
    fs.writeFileSync(file, renderIcon(size));
    console.log(`wrote ${path.relative(process.cwd(), file)}`);
  }
}

if (require.main === module) main();

module.exports = { renderIcon, encodePng, SIZES };
