import QRCode from 'qrcode';

/**
 * The QR code of `text` as an SVG element with a white quiet zone of four modules, scaling to its box.
 * It carries `data-testid="credential-qr"` and the text itself as `data-qr-text`.
 */
export async function qrSvg(text: string): Promise<SVGSVGElement> {
  const markup = await QRCode.toString(text, { type: 'svg', errorCorrectionLevel: 'M', margin: 4 });
  const svg = new DOMParser().parseFromString(markup, 'image/svg+xml').documentElement;
  if (!(svg instanceof SVGSVGElement)) throw new Error('the QR renderer gave no SVG');
  svg.removeAttribute('width');
  svg.removeAttribute('height');
  svg.setAttribute('role', 'img');
  svg.setAttribute('aria-label', 'QR code of the credential');
  svg.setAttribute('shape-rendering', 'crispEdges');
  svg.setAttribute('data-testid', 'credential-qr');
  svg.setAttribute('data-qr-text', text);
  return document.importNode(svg, true);
}
