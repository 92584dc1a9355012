import { useMemo } from 'react';
import QRCode from 'qrcode';

// `text` as a QR code, drawn as one SVG path (no script, no image request): what an
// authenticator app scans. The quiet zone of four modules is part of the picture.
export function QrCode({ text, label, size = 200 }: { text: string; label: string; size?: number }) {
  const { path, modules } = useMemo(() => {
    const code = QRCode.create(text, { errorCorrectionLevel: 'M' });
    const n = code.modules.size;
    let d = '';
    for (let row = 0; row < n; ++row) {
      for (let col = 0; col < n; ++col) {
        if (code.modules.get(row, col)) d += `M${col + 4} ${row + 4}h1v1h-1z`;
      }
    }
    return { path: d, modules: n + 8 };
  }, [text]);
  return (
    <svg className="qr-code" role="img" aria-label={label} width={size} height={size} viewBox={`0 0 ${modules} ${modules}`} shapeRendering="crispEdges">
      <rect width={modules} height={modules} fill="#fff" />
      <path d={path} fill="#000" />
    </svg>
  );
}
