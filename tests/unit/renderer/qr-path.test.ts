import QRCode from 'qrcode';
import { describe, expect, it } from 'vitest';
import { QR_MARGIN, qrPath } from '../../../renderer/src/lib/qr/qr-path';

/** Paints the path's rectangles back onto a grid, to compare with the encoder's own matrix. */
function paint(d: string, size: number): boolean[][] {
  const grid = Array.from({ length: size }, () => Array<boolean>(size).fill(false));
  for (const [, x, y, width] of d.matchAll(/M(\d+) (\d+)h(\d+)v1h-\d+z/g)) {
    for (let col = Number(x); col < Number(x) + Number(width); col += 1) {
      const row = grid[Number(y)];
      if (row) row[col] = true;
    }
  }
  return grid;
}

describe('qrPath', () => {
  it('draws exactly the dark modules of the code, inside a quiet zone', () => {
    const text = 'mailto:ent-assistance@ml.u-cergy.fr';
    const { size, d } = qrPath(text);
    const { modules } = QRCode.create(text, { errorCorrectionLevel: 'M' });
    expect(size).toBe(modules.size + 2 * QR_MARGIN);
    const grid = paint(d, size);
    for (let row = 0; row < size; row += 1) {
      for (let col = 0; col < size; col += 1) {
        const inside = row >= QR_MARGIN && col >= QR_MARGIN && row < size - QR_MARGIN && col < size - QR_MARGIN;
        const expected = inside && Boolean(modules.get(row - QR_MARGIN, col - QR_MARGIN));
        expect(grid[row]?.[col], `${row},${col}`).toBe(expected);
      }
    }
  });

  it('gives different codes for different addresses', () => {
    expect(qrPath('https://ent.cyu.fr/').d).not.toBe(qrPath('https://reinscriptions.u-cergy.fr/').d);
  });
});
