import { toBuffer } from 'qrcode';

/** A ticket's code as the PNG of its QR: error correction M, a quiet zone of 4 modules (ISO/IEC 18004), 6 px a module. */
export const QR_OPTIONS = { type: 'png', errorCorrectionLevel: 'M', margin: 4, scale: 6 } as const;

export const ticketQrPng = (code: string): Promise<Buffer> => toBuffer(code, QR_OPTIONS);
