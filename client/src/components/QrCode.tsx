import { useEffect, useState } from 'react';
import QRCode from 'qrcode';

/** A QR code of a link, drawn locally (no third-party service sees the join link). */
export function QrCode({ value, alt, size = 176 }: { value: string; alt: string; size?: number }) {
  const [src, setSrc] = useState<string | null>(null);
  useEffect(() => {
    let live = true;
    QRCode.toDataURL(value, { margin: 1, width: size, errorCorrectionLevel: 'M' }).then(
      (url) => live && setSrc(url),
      () => live && setSrc(null),
    );
    return () => {
      live = false;
    };
  }, [value, size]);
  return src ? (
    <img className="qr" src={src} width={size} height={size} alt={alt} />
  ) : (
    <div className="qr qr-empty" style={{ width: size, height: size }} />
  );
}
