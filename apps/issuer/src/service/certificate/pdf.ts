import { qrModulePath } from '@passage/credentials';
import { PageSizes, PDFDocument, type PDFPage, rgb } from 'pdf-lib';
import type { CertificateFonts } from './font-set.js';
import { type TextWriter, textWriter } from './text-writer.js';
import type { CertificateView } from './view.js';

const MARGIN = 48;
const [PAGE_WIDTH, PAGE_HEIGHT] = PageSizes.A4;
const VALUE_X = MARGIN + 110;
const MAX_QR_SIZE = 400;
const MIN_QR_SIZE = 200;
const ROW_HEIGHT = 17;
const INK = rgb(0.1, 0.1, 0.12);
const MUTED = rgb(0.35, 0.35, 0.4);

const TITLES: Record<CertificateView['type'], string> = {
  VaccinationCertificate: 'Vaccination Certificate',
  BusinessTravelCard: 'Business Travel Card',
};

const day = (d: Date) => d.toISOString().slice(0, 10);

function lines(view: CertificateView): Array<[string, string]> {
  const { holder, facts } = view.subject;
  const rows: Array<[string, string]> = [
    ['Name', holder.name],
    ['Date of birth', holder.birthDate],
  ];
  if (holder.documentNumber) rows.push(['Document', holder.documentNumber]);
  if (holder.nationality) rows.push(['Nationality', holder.nationality]);
  if (facts.kind === 'vaccination') {
    rows.push(['Certificate', `${facts.certificateId} (${facts.issuingEconomy})`]);
    for (const d of facts.doses) {
      const of = d.totalDoses === undefined ? '' : `/${d.totalDoses}`;
      rows.push([`Dose ${d.dose}${of}`, `${d.date}  ${d.vaccine}, ${d.brand}, ${d.country}`]);
    }
  } else {
    rows.push(['Card number', `${facts.cardNumber} (${facts.issuingEconomy})`]);
    for (const p of facts.preClearances) {
      const stay = p.maxStayDays === undefined ? '' : `, up to ${p.maxStayDays} days`;
      rows.push([`Pre-cleared`, `${p.economyName} (${p.economy}): ${p.status}${stay}`]);
    }
  }
  rows.push(['Issuer', `${view.issuer.name} (${view.issuer.economy})`]);
  rows.push(['Valid', `${day(view.validFrom)} to ${view.validUntil ? day(view.validUntil) : 'no end date'}`]);
  rows.push(['Credential id', view.credentialId]);
  return rows;
}

async function drawRows(page: PDFPage, write: TextWriter, rows: Array<[string, string]>, top: number) {
  let y = top;
  for (const [label, value] of rows) {
    await write(page, label, {
      x: MARGIN,
      y,
      size: 11,
      color: INK,
      bold: true,
      maxWidth: VALUE_X - MARGIN - 8,
    });
    await write(page, value, {
      x: VALUE_X,
      y,
      size: 11,
      color: INK,
      maxWidth: PAGE_WIDTH - MARGIN - VALUE_X,
    });
    y -= ROW_HEIGHT;
  }
  return y;
}

/** Modules of white around the symbol, as the QR standard asks. */
const QUIET_ZONE = 4;

/**
 * Draws the QR as vector outlines in a square `size` points wide (quiet zone included, left white),
 * its top-left corner at (`x`, `top`): sharp at any print size, and no image to encode and embed (that
 * took about 190 of the 235 ms a certificate took, docs/benchmarks.md).
 */
function drawQr(page: PDFPage, text: string, x: number, top: number, size: number): void {
  const symbol = qrModulePath(text);
  const scale = size / (symbol.size + 2 * QUIET_ZONE);
  const inset = QUIET_ZONE * scale;
  page.drawSvgPath(symbol.path, { x: x + inset, y: top - inset, scale, color: rgb(0, 0, 0) });
}

/**
 * Renders an A4 printable certificate: the title, the QR as large as leaves room for the text (the
 * signed credential, what a verifier scans), and the human-readable data an officer compares with
 * the passport, in the holder's own script where `fonts` has it (Latin, Vietnamese, Cyrillic, Greek
 * and Thai always; CJK with a configured font).
 */
export async function renderCertificatePdf(
  view: CertificateView,
  fonts: CertificateFonts,
): Promise<Uint8Array> {
  const pdf = await PDFDocument.create();
  pdf.setTitle(TITLES[view.type]);
  pdf.setCreator('Passage issuer');
  pdf.setCreationDate(view.issuedAt);
  const page = pdf.addPage(PageSizes.A4);
  const write = textWriter(pdf, fonts);
  const maxWidth = PAGE_WIDTH - 2 * MARGIN;
  const top = PAGE_HEIGHT - MARGIN;
  await write(page, TITLES[view.type], {
    x: MARGIN,
    y: top - 20,
    size: 24,
    color: INK,
    bold: true,
    maxWidth,
  });
  await write(page, view.issuer.name, { x: MARGIN, y: top - 42, size: 12, color: MUTED, maxWidth });
  const rows = lines(view);
  const qrTop = top - 60;
  // The QR is as large as leaves room for every row: a long dose history shrinks it, never the text.
  const room = qrTop - MARGIN - 44 - 24 - rows.length * ROW_HEIGHT;
  const qrSize = Math.max(MIN_QR_SIZE, Math.min(MAX_QR_SIZE, room));
  drawQr(page, view.qr, (PAGE_WIDTH - qrSize) / 2, qrTop, qrSize);
  const caption = 'Scan with a Passage verifier. The QR code holds the signed credential.';
  await write(page, caption, { x: MARGIN, y: qrTop - qrSize - 16, size: 9, color: MUTED, maxWidth });
  const end = await drawRows(page, write, rows, qrTop - qrSize - 44);
  const note = `Issued ${day(view.issuedAt)} by ${view.issuer.did}. Only the QR code is proof; the printed text is for reading.`;
  await write(page, note, { x: MARGIN, y: Math.min(end - 8, MARGIN), size: 8, color: MUTED, maxWidth });
  return pdf.save();
}
