// Renders the toolbar icon (a teal rounded square with a check mark) to PNGs of every size the
// manifest needs. Run once after changing the design: `npx tsx scripts/make-icons.ts`.
import { deflateSync } from 'node:zlib';
import { mkdirSync, writeFileSync } from 'node:fs';

const sizes = [16, 32, 48, 96, 128];
const background: [number, number, number] = [0x0f, 0x76, 0x6e];
const mark: [number, number, number] = [0xff, 0xff, 0xff];
// The check mark as a polyline in unit coordinates.
const check = [
  [0.27, 0.53],
  [0.43, 0.69],
  [0.74, 0.34],
] as const;

function distanceToSegment(px: number, py: number, a: readonly number[], b: readonly number[]): number {
  const [ax, ay] = a;
  const [bx, by] = b;
  const t = Math.max(0, Math.min(1, ((px - ax) * (bx - ax) + (py - ay) * (by - ay)) / ((bx - ax) ** 2 + (by - ay) ** 2)));
  return Math.hypot(px - (ax + t * (bx - ax)), py - (ay + t * (by - ay)));
}

function coverage(x: number, y: number): { inside: number; stroke: number } {
  const radius = 0.22;
  const cx = Math.min(Math.max(x, radius), 1 - radius);
  const cy = Math.min(Math.max(y, radius), 1 - radius);
  const inside = Math.hypot(x - cx, y - cy) <= radius ? 1 : 0;
  const d = Math.min(distanceToSegment(x, y, check[0], check[1]), distanceToSegment(x, y, check[1], check[2]));
  return { inside, stroke: d <= 0.07 ? 1 : 0 };
}

function crc32(buf: Buffer): number {
  let c = ~0;
  for (const byte of buf) {
    c ^= byte;
    for (let k = 0; k < 8; k++) c = c & 1 ? (c >>> 1) ^ 0xedb88320 : c >>> 1;
  }
  return ~c >>> 0;
}

function chunk(type: string, data: Buffer): Buffer {
  const len = Buffer.alloc(4);
  len.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([len, body, crc]);
}

function render(size: number): Buffer {
  const samples = 4; // supersampling per axis for smooth edges
  const rows: Buffer[] = [];
  for (let y = 0; y < size; y++) {
    const row = Buffer.alloc(1 + size * 4);
    for (let x = 0; x < size; x++) {
      let inside = 0;
      let stroke = 0;
      for (let sy = 0; sy < samples; sy++) {
        for (let sx = 0; sx < samples; sx++) {
          const c = coverage((x + (sx + 0.5) / samples) / size, (y + (sy + 0.5) / samples) / size);
          inside += c.inside;
          stroke += c.inside * c.stroke;
        }
      }
      const n = samples * samples;
      const s = stroke / Math.max(inside, 1);
      const o = 1 + x * 4;
      for (let i = 0; i < 3; i++) row[o + i] = Math.round(background[i] * (1 - s) + mark[i] * s);
      row[o + 3] = Math.round((inside / n) * 255);
    }
    rows.push(row);
  }
  const header = Buffer.alloc(13);
  header.writeUInt32BE(size, 0);
  header.writeUInt32BE(size, 4);
  header.set([8, 6, 0, 0, 0], 8);
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header),
    chunk('IDAT', deflateSync(Buffer.concat(rows))),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

mkdirSync('public/icon', { recursive: true });
for (const size of sizes) writeFileSync(`public/icon/${size}.png`, render(size));
