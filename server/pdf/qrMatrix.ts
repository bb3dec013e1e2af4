import QRCode from 'qrcode';

/** The dark modules of a QR code for `text` (error correction M), row by row. */
export function qrMatrix(text: string): { size: number; dark: (x: number, y: number) => boolean } {
  const code = QRCode.create(text, { errorCorrectionLevel: 'M' });
  const { size, data } = code.modules;
  return { size, dark: (x, y) => data[y * size + x] === 1 };
}
