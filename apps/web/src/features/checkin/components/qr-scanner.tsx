import { useEffect, useRef, useState } from 'react';

interface DetectedBarcode {
  rawValue: string;
}
interface BarcodeDetectorLike {
  detect(source: HTMLVideoElement): Promise<DetectedBarcode[]>;
}
declare global {
  interface Window {
    BarcodeDetector?: new (options: { formats: string[] }) => BarcodeDetectorLike;
  }
}

export const canScan = (): boolean => typeof window !== 'undefined' && 'BarcodeDetector' in window && !!navigator.mediaDevices?.getUserMedia;

/**
 * The back camera read by the browser's BarcodeDetector (Chromium on Android, Safari 17+): no
 * scanner library in the bundle. The same code is not reported twice within 3 s, so one ticket
 * held in front of the camera is one check-in. Where the API is missing, manual entry remains.
 */
export function QrScanner({ onCode }: { onCode: (code: string) => void }) {
  const video = useRef<HTMLVideoElement>(null);
  const [problem, setProblem] = useState<string>();
  const last = useRef<{ code: string; at: number }>({ code: '', at: 0 });

  useEffect(() => {
    const Detector = window.BarcodeDetector;
    if (!Detector) return;
    let stream: MediaStream | undefined;
    let timer: ReturnType<typeof setInterval> | undefined;
    let stopped = false;
    const detector = new Detector({ formats: ['qr_code'] });
    navigator.mediaDevices
      .getUserMedia({ video: { facingMode: 'environment' }, audio: false })
      .then(async (media) => {
        if (stopped) return media.getTracks().forEach((t) => t.stop());
        stream = media;
        if (!video.current) return;
        video.current.srcObject = media;
        await video.current.play();
        timer = setInterval(async () => {
          if (!video.current || video.current.readyState < 2) return;
          const [found] = await detector.detect(video.current).catch(() => []);
          if (!found) return;
          const now = Date.now();
          if (found.rawValue === last.current.code && now - last.current.at < 3000) return;
          last.current = { code: found.rawValue, at: now };
          onCode(found.rawValue);
        }, 250);
      })
      .catch((error: Error) => setProblem(`The camera is not available (${error.name}). Type the code instead.`));
    return () => {
      stopped = true;
      if (timer) clearInterval(timer);
      stream?.getTracks().forEach((t) => t.stop());
    };
  }, [onCode]);

  return (
    <div>
      <video ref={video} muted playsInline aria-label="Camera view for QR codes" className="aspect-square w-full max-w-sm rounded-lg bg-black object-cover" />
      {problem ? <p role="status">{problem}</p> : null}
    </div>
  );
}
