import QRCode from 'qrcode';

/**
 * A QR code as one SVG path of unit squares, so it renders under a strict CSP (no data URL,
 * no canvas) and scales crisply. Addresses and links are shown as QR codes instead of
 * `mailto:` or external links, which would leave the kiosk (LOCKDOWN.md #5).
 */
export const QR_MARGIN = 4;

export function qrPath(text: string): { size: number; d: string } {
  const { modules } = QRCode.create(text, { errorCorrectionLevel: 'M' });
  const commands: string[] = [];
  for (let row = 0; row < modules.size; row += 1) {
    let col = 0;
    while (col < modules.size) {
      if (!modules.get(row, col)) {
        col += 1;
        continue;
      }
      // Merge each horizontal run of dark modules into one rectangle: a shorter path.
      const start = col;
      while (col < modules.size && modules.get(row, col)) col += 1;
      commands.push(`M${start + QR_MARGIN} ${row + QR_MARGIN}h${col - start}v1h${start - col}z`);
    }
  }
  return { size: modules.size + QR_MARGIN * 2, d: commands.join('') };
}
