import { useEffect, useRef, useState } from 'react';

interface DetectedBarcode {
  rawValue: string;
}
interface BarcodeDetectorLike {
  detect(source: HTMLVideoElement): Promise<DetectedBarcode[]>;
}
interface BarcodeDetectorClass {
  new (options: { formats: string[] }): BarcodeDetectorLike;
  getSupportedFormats?: () => Promise<string[]>;
}
declare global {
  interface Window {
    BarcodeDetector?: BarcodeDetectorClass;
  }
}

/** jsQR's entry point (the library is loaded only when a browser has no QR BarcodeDetector). */
export type JsQr = typeof import('jsqr').default;

/** A camera is all the page needs: the browser's detector reads QR codes, or else jsQR does. */
export const canScan = (): boolean => typeof navigator !== 'undefined' && !!navigator.mediaDevices?.getUserMedia;

/**
 * The decode step of the fallback: one RGBA frame in, the QR code's text out (or nothing). jsQR
 * looks for dark modules on a light ground only (`dontInvert`), which halves its work per frame.
 */
export const decodeFrame = (jsQR: JsQr, frame: { data: Uint8ClampedArray; width: number; height: number }): string | undefined =>
  jsQR(frame.data, frame.width, frame.height, { inversionAttempts: 'dontInvert' })?.data || undefined;

/** Frames are scaled to at most this width before decoding: enough for a ticket held up close. */
const FRAME_WIDTH = 640;

/**
 * The browser's BarcodeDetector where it reads QR codes (Chromium on Android and macOS, Safari
 * 17+); elsewhere (Chromium on Linux, Firefox) jsQR, loaded on demand, on frames drawn from the
 * video into a canvas. Either way it is the same loop.
 */
const makeReader = async (): Promise<(video: HTMLVideoElement) => Promise<string | undefined>> => {
  const Detector = window.BarcodeDetector;
  const formats = Detector ? await (Detector.getSupportedFormats?.() ?? Promise.resolve(['qr_code'])).catch(() => [] as string[]) : [];
  if (Detector && formats.includes('qr_code')) {
    const detector = new Detector({ formats: ['qr_code'] });
    return async (video) => (await detector.detect(video).catch(() => []))[0]?.rawValue;
  }
  const jsQR = (await import('jsqr')).default;
  const canvas = document.createElement('canvas');
  const context = canvas.getContext('2d', { willReadFrequently: true });
  if (!context) throw new Error('no 2D canvas');
  return async (video) => {
    const scale = Math.min(1, FRAME_WIDTH / video.videoWidth);
    canvas.width = Math.round(video.videoWidth * scale);
    canvas.height = Math.round(video.videoHeight * scale);
    if (canvas.width === 0 || canvas.height === 0) return undefined;
    context.drawImage(video, 0, 0, canvas.width, canvas.height);
    return decodeFrame(jsQR, context.getImageData(0, 0, canvas.width, canvas.height));
  };
};

/**
 * The back camera, read four times a second. The same code is not reported twice within 3 s, so
 * one ticket held in front of the camera is one check-in. Without a camera, manual entry remains.
 */
export function QrScanner({ onCode }: { onCode: (code: string) => void }) {
  const video = useRef<HTMLVideoElement>(null);
  const [problem, setProblem] = useState<string>();
  const last = useRef<{ code: string; at: number }>({ code: '', at: 0 });

  useEffect(() => {
    let stream: MediaStream | undefined;
    let timer: ReturnType<typeof setInterval> | undefined;
    let stopped = false;
    Promise.all([makeReader(), navigator.mediaDevices.getUserMedia({ video: { facingMode: 'environment' }, audio: false })])
      .then(async ([read, media]) => {
        if (stopped) return media.getTracks().forEach((t) => t.stop());
        stream = media;
        if (!video.current) return;
        video.current.srcObject = media;
        await video.current.play();
        let busy = false;
        timer = setInterval(async () => {
          if (busy || !video.current || video.current.readyState < 2) return;
          busy = true;
          const found = await read(video.current).finally(() => (busy = false));
          if (!found || stopped) return;
          const now = Date.now();
          if (found === last.current.code && now - last.current.at < 3000) return;
          last.current = { code: found, at: now };
          onCode(found);
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
