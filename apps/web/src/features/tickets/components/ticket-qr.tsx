import { toDataURL } from 'qrcode';
import { useEffect, useState } from 'react';

/** The ticket's signed code as a QR image (a data: URL, allowed by the CSP's img-src). */
export function TicketQr({ code, label }: { code: string; label: string }) {
  const [src, setSrc] = useState<string>();
  useEffect(() => {
    let live = true;
    void toDataURL(code, { errorCorrectionLevel: 'M', margin: 2, width: 220 }).then((url) => live && setSrc(url));
    return () => {
      live = false;
    };
  }, [code]);
  return src ? <img src={src} alt={label} width={220} height={220} className="rounded bg-white" /> : <div className="h-[220px] w-[220px] animate-pulse rounded bg-slate-200" />;
}
