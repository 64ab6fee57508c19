import { inflateSync } from 'node:zlib';
import { create } from 'qrcode';
import { QR_OPTIONS } from '../ticket-qr';

/**
 * Reads a QR code PNG back for tests, without the library that drew it: the PNG is decoded here
 * (8-bit greyscale, RGB or RGBA, the five row filters), each module's centre is sampled, and the
 * matrix compared with the one the QR encoder gives for the expected text. The same text, error
 * correction and version always give the same matrix, so a match means the image scans as it.
 */
const decodePng = (png: Buffer): { width: number; height: number; dark(x: number, y: number): boolean } => {
  if (png.readUInt32BE(0) !== 0x89504e47) throw new Error('not a PNG');
  let offset = 8;
  let width = 0;
  let height = 0;
  let colorType = 0;
  const idat: Buffer[] = [];
  while (offset < png.length) {
    const length = png.readUInt32BE(offset);
    const type = png.toString('ascii', offset + 4, offset + 8);
    const data = png.subarray(offset + 8, offset + 8 + length);
    if (type === 'IHDR') {
      width = data.readUInt32BE(0);
      height = data.readUInt32BE(4);
      if (data[8] !== 8) throw new Error(`bit depth ${data[8]} is not read here`);
      colorType = data[9];
    } else if (type === 'IDAT') idat.push(data);
    offset += 12 + length;
  }
  const channels = { 0: 1, 2: 3, 4: 2, 6: 4 }[colorType];
  if (!channels) throw new Error(`colour type ${colorType} is not read here`);
  const raw = inflateSync(Buffer.concat(idat));
  const stride = width * channels;
  const pixels = Buffer.alloc(stride * height);
  for (let y = 0; y < height; y++) {
    const filter = raw[y * (stride + 1)];
    const row = raw.subarray(y * (stride + 1) + 1, (y + 1) * (stride + 1));
    for (let x = 0; x < stride; x++) {
      const left = x >= channels ? pixels[y * stride + x - channels] : 0;
      const up = y > 0 ? pixels[(y - 1) * stride + x] : 0;
      const upLeft = x >= channels && y > 0 ? pixels[(y - 1) * stride + x - channels] : 0;
      const paeth = (): number => {
        const p = left + up - upLeft;
        const [pa, pb, pc] = [Math.abs(p - left), Math.abs(p - up), Math.abs(p - upLeft)];
        return pa <= pb && pa <= pc ? left : pb <= pc ? up : upLeft;
      };
      const predictor = [0, left, up, (left + up) >> 1, paeth()][filter];
      if (predictor === undefined) throw new Error(`unknown PNG filter ${filter}`);
      pixels[y * stride + x] = (row[x] + predictor) & 0xff;
    }
  }
  return { width, height, dark: (x, y) => pixels[y * stride + x * channels] < 128 };
};

/** Whether `png` is the QR code of `text`, module for module. */
export const qrImageEncodes = (png: Buffer, text: string): boolean => {
  const { modules } = create(text, { errorCorrectionLevel: QR_OPTIONS.errorCorrectionLevel });
  const image = decodePng(png);
  const scale = image.width / (modules.size + 2 * QR_OPTIONS.margin);
  if (image.width !== image.height || !Number.isInteger(scale)) return false;
  for (let row = 0; row < modules.size; row++) {
    for (let col = 0; col < modules.size; col++) {
      const x = Math.floor((col + QR_OPTIONS.margin + 0.5) * scale);
      const y = Math.floor((row + QR_OPTIONS.margin + 0.5) * scale);
      if (image.dark(x, y) !== Boolean(modules.get(row, col))) return false;
    }
  }
  return true;
};
