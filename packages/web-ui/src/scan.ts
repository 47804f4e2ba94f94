import { prepareZXingModule, type ReaderOptions, readBarcodes } from 'zxing-wasm/reader';

// The decoder's wasm is served beside the page (never from a CDN), so scanning works offline.
prepareZXingModule({
  overrides: {
    locateFile: (path: string, prefix: string) =>
      path.endsWith('.wasm') ? new URL('./zxing_reader.wasm', import.meta.url).href : prefix + path,
  },
});

const OPTIONS: ReaderOptions = { formats: ['QRCode'], tryHarder: true, maxNumberOfSymbols: 1 };

/** The text of the first QR code in an image (a photo or a video frame), or undefined. */
export async function decodeQr(image: Blob | ImageData): Promise<string | undefined> {
  const [first] = await readBarcodes(image, OPTIONS);
  return first?.isValid ? first.text : undefined;
}

/** A running camera scan; `stop` releases the camera. */
export interface CameraScan {
  stop(): void;
}

/**
 * Starts the rear camera into `video` and decodes a few frames a second until a QR code is read,
 * then stops the camera and calls `onText`.
 *
 * @throws DOMException from `getUserMedia` when there is no camera or permission is refused.
 */
export async function startCameraScan(
  video: HTMLVideoElement,
  onText: (text: string) => void,
): Promise<CameraScan> {
  const stream = await navigator.mediaDevices.getUserMedia({
    video: { facingMode: { ideal: 'environment' } },
    audio: false,
  });
  video.srcObject = stream;
  await video.play();
  const canvas = document.createElement('canvas');
  const context = canvas.getContext('2d', { willReadFrequently: true });
  let running = true;
  const stop = () => {
    running = false;
    for (const track of stream.getTracks()) track.stop();
    video.srcObject = null;
  };
  const tick = async () => {
    if (!running || !context) return;
    if (video.videoWidth > 0) {
      canvas.width = video.videoWidth;
      canvas.height = video.videoHeight;
      context.drawImage(video, 0, 0);
      const text = await decodeQr(context.getImageData(0, 0, canvas.width, canvas.height));
      if (text && running) {
        stop();
        onText(text);
        return;
      }
    }
    setTimeout(() => void tick(), 200);
  };
  void tick();
  return { stop };
}
