import jsQR from 'jsqr';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { QrCode } from './QrCode';

// The picture QrCode draws, read back by a QR decoder (jsQR) as a phone's camera would: drawn at
// 4 pixels a module, black on white.
function decode(markup: string): string | undefined {
  const size = Number(/viewBox="0 0 (\d+) \d+"/.exec(markup)?.[1]);
  const scale = 4;
  const width = size * scale;
  const pixels = new Uint8ClampedArray(width * width * 4).fill(255);
  const path = /<path d="([^"]*)"/.exec(markup)?.[1] ?? '';
  for (const [, x, y] of path.matchAll(/M(\d+) (\d+)/g)) {
    for (let dy = 0; dy < scale; ++dy) {
      for (let dx = 0; dx < scale; ++dx) {
        const i = ((Number(y) * scale + dy) * width + Number(x) * scale + dx) * 4;
        pixels[i] = pixels[i + 1] = pixels[i + 2] = 0;
      }
    }
  }
  return jsQR(pixels, width, width)?.data;
}

describe('QrCode', () => {
  it.each([
    'otpauth://totp/CIM%20Partner%20Portal:fiona@vendor.example?secret=JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP&issuer=CIM%20Partner%20Portal&algorithm=SHA1&digits=6&period=30',
    'otpauth://totp/CIM:a@b.example?secret=GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ&issuer=CIM&algorithm=SHA1&digits=6&period=30',
  ])('draws a code a camera reads back as %s', (uri) => {
    const markup = renderToStaticMarkup(<QrCode text={uri} label="QR code for your authenticator app" />);
    expect(markup).toContain('role="img"');
    expect(markup).toContain('aria-label="QR code for your authenticator app"');
    expect(decode(markup)).toBe(uri);
  });
});
