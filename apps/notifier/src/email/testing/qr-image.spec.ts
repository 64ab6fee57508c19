import { ticketQrPng } from '../ticket-qr';
import { qrImageEncodes } from './qr-image';

describe('qrImageEncodes (the test helper that reads QR images back)', () => {
  it('reads a ticket QR as its code, and as no other', async () => {
    const code = 'T1.3f1c9a52-1d7e-4b8a-9a0c-0d5e6f7a8b9c.1.abcdefghijklmnopqrstuvwxyz0123456789ABCDEFG';
    const png = ticketQrPng(code);
    expect(qrImageEncodes(png, code)).toBe(true);
    expect(qrImageEncodes(png, code.replace('.1.', '.2.'))).toBe(false);
  });
});
