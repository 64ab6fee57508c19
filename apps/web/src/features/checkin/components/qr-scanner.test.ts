import jsQR from 'jsqr';
import { create } from 'qrcode';
import { describe, expect, it } from 'vitest';
import { decodeFrame } from './qr-scanner';

/** A camera-like RGBA frame: the QR code of `text`, `scale` pixels a module, on a grey-white ground. */
const frameOf = (text: string, scale = 4, width = 480, height = 360) => {
  const { modules } = create(text, { errorCorrectionLevel: 'M' });
  const data = new Uint8ClampedArray(width * height * 4).fill(235);
  const left = Math.floor((width - modules.size * scale) / 2);
  const top = Math.floor((height - modules.size * scale) / 2);
  for (let y = 0; y < height; y++)
    for (let x = 0; x < width; x++) {
      const row = Math.floor((y - top) / scale);
      const column = Math.floor((x - left) / scale);
      const dark = row >= 0 && column >= 0 && row < modules.size && column < modules.size && modules.get(row, column);
      if (dark) data.fill(20, (y * width + x) * 4, (y * width + x) * 4 + 3);
    }
  return { data, width, height };
};

describe("the check-in scanner's jsQR fallback", () => {
  it("reads a ticket's signed code from a frame", () => {
    const code = 'T2.k1.eyJ0IjoiOGQ0ZTJjNzAtNWQ0Yi00YjE5LWE2ZjMtMjJmNmE3YjJkYzQxIiwidiI6MX0.c2lnbmF0dXJlLW9mLXRoZS10aWNrZXQ';
    expect(decodeFrame(jsQR, frameOf(code))).toBe(code);
  });

  it('reads nothing from a frame without a code', () => {
    expect(decodeFrame(jsQR, { data: new Uint8ClampedArray(320 * 240 * 4).fill(200), width: 320, height: 240 })).toBeUndefined();
  });
});
