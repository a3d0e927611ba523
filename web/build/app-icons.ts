// The PWA's raster icons (192 and 512 px PNGs, which installability asks
// for beside the SVG), drawn at build time so no binary sits in the tree.
import { deflateSync } from "node:zlib";
import type { Plugin } from "vite";

const crcTable = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});

function crc32(bytes: Uint8Array): number {
  let crc = 0xffffffff;
  for (const byte of bytes) crc = crcTable[(crc ^ byte) & 0xff]! ^ (crc >>> 8);
  return (crc ^ 0xffffffff) >>> 0;
}

function chunk(type: string, data: Uint8Array): Buffer {
  const typed = Buffer.concat([Buffer.from(type, "ascii"), data]);
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(typed));
  return Buffer.concat([length, typed, crc]);
}

type Rgb = readonly [number, number, number];

// An RGB PNG of `size` pixels square; `paint` gives each pixel's colour.
export function encodePng(size: number, paint: (x: number, y: number) => Rgb): Buffer {
  const rows = Buffer.alloc(size * (1 + size * 3));
  for (let y = 0; y < size; y++) {
    const row = y * (1 + size * 3);
    rows[row] = 0; // filter: none
    for (let x = 0; x < size; x++) rows.set(paint(x, y), row + 1 + x * 3);
  }
  const header = Buffer.alloc(13);
  header.writeUInt32BE(size, 0);
  header.writeUInt32BE(size, 4);
  header.set([8, 2, 0, 0, 0], 8); // 8 bits, truecolour, deflate, no filter, no interlace
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk("IHDR", header),
    chunk("IDAT", deflateSync(rows)),
    chunk("IEND", new Uint8Array()),
  ]);
}

const teal: Rgb = [0x1f, 0x4e, 0x5f];
const cream: Rgb = [0xf6, 0xf1, 0xe7];

// A shopping bag: a cream body with a handle on teal, the same as icon.svg.
export function bagIcon(size: number): Buffer {
  return encodePng(size, (x, y) => {
    const u = x / size;
    const v = y / size;
    const body = u > 0.22 && u < 0.78 && v > 0.36 && v < 0.8;
    const dx = u - 0.5;
    const dy = v - 0.36;
    const ring = Math.hypot(dx, dy);
    const handle = dy < 0 && ring > 0.12 && ring < 0.17;
    return body || handle ? cream : teal;
  });
}

export function appIcons(): Plugin {
  return {
    name: "shop-app-icons",
    generateBundle() {
      for (const size of [192, 512]) {
        this.emitFile({ type: "asset", fileName: `icon-${size}.png`, source: bagIcon(size) });
      }
    },
  };
}
