import { renderQrPng } from '@passage/credentials';
import { PageSizes, PDFDocument, type PDFFont, type PDFPage, rgb, StandardFonts } from 'pdf-lib';
import type { CertificateView } from './view.js';

const MARGIN = 48;
const MAX_QR_SIZE = 400;
const MIN_QR_SIZE = 200;
const ROW_HEIGHT = 17;
const INK = rgb(0.1, 0.1, 0.12);
const MUTED = rgb(0.35, 0.35, 0.4);

const TITLES: Record<CertificateView['type'], string> = {
  VaccinationCertificate: 'Vaccination Certificate',
  BusinessTravelCard: 'Business Travel Card',
};

/**
 * Text the standard PDF fonts can draw (WinAnsi): accents are kept where WinAnsi has them, other
 * letters lose their marks, and anything else becomes `?`. No font is fetched or embedded: the
 * passport's Latin form of the name is what an officer compares anyway.
 */
export function printable(text: string, font: PDFFont): string {
  return Array.from(text)
    .map((ch) => {
      for (const candidate of [ch, ch.normalize('NFKD').replace(/\p{M}/gu, '')]) {
        try {
          font.encodeText(candidate);
          return candidate;
        } catch {
          // not in WinAnsi: try the next form
        }
      }
      return '?';
    })
    .join('');
}

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

function drawRows(
  page: PDFPage,
  rows: Array<[string, string]>,
  top: number,
  fonts: { bold: PDFFont; regular: PDFFont },
) {
  let y = top;
  for (const [label, value] of rows) {
    page.drawText(printable(label, fonts.bold), { x: MARGIN, y, size: 11, font: fonts.bold, color: INK });
    page.drawText(printable(value, fonts.regular), {
      x: MARGIN + 110,
      y,
      size: 11,
      font: fonts.regular,
      color: INK,
      maxWidth: PageSizes.A4[0] - 2 * MARGIN - 110,
    });
    y -= ROW_HEIGHT;
  }
  return y;
}

/**
 * Renders an A4 printable certificate: the title, the QR as large as leaves room for the text (the
 * signed credential, what a verifier scans), and the human-readable data an officer compares with
 * the passport. Standard PDF fonts only, nothing fetched.
 */
export async function renderCertificatePdf(view: CertificateView): Promise<Uint8Array> {
  const pdf = await PDFDocument.create();
  pdf.setTitle(TITLES[view.type]);
  pdf.setCreator('Passage issuer');
  pdf.setCreationDate(view.issuedAt);
  const page = pdf.addPage(PageSizes.A4);
  const [width, height] = PageSizes.A4;
  const bold = await pdf.embedFont(StandardFonts.HelveticaBold);
  const regular = await pdf.embedFont(StandardFonts.Helvetica);
  page.drawText(TITLES[view.type], { x: MARGIN, y: height - MARGIN - 20, size: 24, font: bold, color: INK });
  page.drawText(printable(view.issuer.name, regular), {
    x: MARGIN,
    y: height - MARGIN - 42,
    size: 12,
    font: regular,
    color: MUTED,
  });
  const rows = lines(view);
  const qr = await pdf.embedPng(await renderQrPng(view.qr, { scale: 8, margin: 4 }));
  const qrTop = height - MARGIN - 60;
  // The QR is as large as leaves room for every row: a long dose history shrinks it, never the text.
  const room = qrTop - MARGIN - 44 - 24 - rows.length * ROW_HEIGHT;
  const qrSize = Math.max(MIN_QR_SIZE, Math.min(MAX_QR_SIZE, room));
  page.drawImage(qr, { x: (width - qrSize) / 2, y: qrTop - qrSize, width: qrSize, height: qrSize });
  const caption = 'Scan with a Passage verifier. The QR code holds the signed credential.';
  page.drawText(caption, { x: MARGIN, y: qrTop - qrSize - 16, size: 9, font: regular, color: MUTED });
  const end = drawRows(page, rows, qrTop - qrSize - 44, { bold, regular });
  const note = `Issued ${day(view.issuedAt)} by ${view.issuer.did}. Only the QR code is proof; the printed text is for reading.`;
  page.drawText(printable(note, regular), {
    x: MARGIN,
    y: Math.min(end - 8, MARGIN),
    size: 8,
    font: regular,
    color: MUTED,
    maxWidth: width - 2 * MARGIN,
  });
  return pdf.save();
}
