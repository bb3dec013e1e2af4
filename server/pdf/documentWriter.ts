import fontkit from '@pdf-lib/fontkit';
import { PDFDocument, rgb, type PDFFont, type PDFPage } from 'pdf-lib';
import { fontFiles } from './fonts.ts';
import { qrMatrix } from './qrMatrix.ts';

/** A4 in points, and the margins of an administrative document (NĐ 30/2020: left 30 mm). */
export const A4 = { width: 595.28, height: 841.89 } as const;
const MARGIN = { left: 85, right: 57, top: 57, bottom: 62 } as const;
const BODY = 13;
const LEADING = 1.35;
const BLACK = rgb(0, 0, 0);

/** What a document says about itself in its information dictionary (read back when verifying). */
export interface DocumentMeta {
  readonly title: string;
  readonly dossierCode: string;
  /** `result` or a slip kind. */
  readonly kind: string;
  readonly author: string;
  readonly created: Date;
}

/** Keywords that carry the dossier code and the document kind, read by `verifyPdf`. */
export const DOSSIER_KEYWORD = 'motcua-dossier:';
export const KIND_KEYWORD = 'motcua-document:';

type Face = 'regular' | 'bold' | 'italic';
interface TextStyle {
  readonly face?: Face;
  readonly size?: number;
  readonly align?: 'left' | 'center' | 'justify-left';
  /** First-line indent in points. */
  readonly indent?: number;
  readonly spaceAfter?: number;
}

/**
 * Lays out an A4 administrative document with pdf-lib: the national heading, a title,
 * paragraphs, label–value lines, a table, the signature blocks and a QR code, flowing onto new
 * pages as needed. Text is set in embedded Noto Serif (subset), so Vietnamese renders anywhere.
 */
export class DocumentWriter {
  private page: PDFPage;
  private y: number;
  private constructor(
    readonly doc: PDFDocument,
    private readonly fonts: Record<Face, PDFFont>,
  ) {
    this.page = doc.addPage([A4.width, A4.height]);
    this.y = A4.height - MARGIN.top;
  }

  /** A new document with its metadata set. */
  static async create(meta: DocumentMeta): Promise<DocumentWriter> {
    const doc = await PDFDocument.create({ updateMetadata: false });
    // A fresh fontkit font per document: a parsed font shared between documents keeps the
    // code points of its glyphs' first use, which garbles the text layer (copy, search).
    doc.registerFontkit(fontkit);
    const files = fontFiles();
    const [regular, bold, italic] = await Promise.all([
      doc.embedFont(files.regular, { subset: true }),
      doc.embedFont(files.bold, { subset: true }),
      doc.embedFont(files.italic, { subset: true }),
    ]);
    doc.setTitle(meta.title, { showInWindowTitleBar: true });
    doc.setAuthor(meta.author);
    doc.setSubject(`${meta.title} — ${meta.dossierCode}`);
    doc.setKeywords([`${DOSSIER_KEYWORD}${meta.dossierCode}`, `${KIND_KEYWORD}${meta.kind}`]);
    doc.setCreator('motcua');
    doc.setProducer('motcua (pdf-lib)');
    doc.setLanguage('vi-VN');
    doc.setCreationDate(meta.created);
    doc.setModificationDate(meta.created);
    return new DocumentWriter(doc, { regular: regular!, bold: bold!, italic: italic! });
  }

  private get width(): number {
    return A4.width - MARGIN.left - MARGIN.right;
  }

  /** Start a new page when fewer than `needed` points remain. */
  private ensure(needed: number): void {
    if (this.y - needed >= MARGIN.bottom) return;
    this.page = this.doc.addPage([A4.width, A4.height]);
    this.y = A4.height - MARGIN.top;
  }

  private readonly widths = new Map<string, number>();

  /** Width of a text at a size (memoized: pdf-lib shapes the text with fontkit on every call). */
  textWidth(text: string, face: Face, size: number): number {
    const key = `${face}\u0000${text}`;
    let w = this.widths.get(key);
    if (w === undefined) {
      w = this.fonts[face].widthOfTextAtSize(text, 1000);
      this.widths.set(key, w);
    }
    return (w * size) / 1000;
  }

  /** Break text into lines no wider than `width` (long words are cut by characters). */
  wrap(text: string, width: number, face: Face = 'regular', size = BODY, indent = 0): string[] {
    const space = this.textWidth(' ', face, size);
    const lines: string[] = [];
    for (const paragraph of text.split('\n')) {
      let line = '';
      let lineWidth = 0;
      let limit = width - indent;
      const push = () => {
        lines.push(line);
        line = '';
        lineWidth = 0;
        limit = width;
      };
      for (const word of paragraph.split(/\s+/).filter(Boolean)) {
        const ww = this.textWidth(word, face, size);
        if (line && lineWidth + space + ww <= limit) {
          line = `${line} ${word}`;
          lineWidth += space + ww;
          continue;
        }
        if (line) push();
        let rest = word;
        while (this.textWidth(rest, face, size) > limit) {
          let cut = rest.length - 1;
          while (cut > 1 && this.textWidth(rest.slice(0, cut), face, size) > limit) cut--;
          line = rest.slice(0, cut);
          push();
          rest = rest.slice(cut);
        }
        line = rest;
        lineWidth = this.textWidth(rest, face, size);
      }
      lines.push(line);
    }
    return lines;
  }

  /** Draw one line at the current position, in a box of `width` starting at `x`. */
  private line(text: string, x: number, width: number, face: Face, size: number, center: boolean) {
    const font = this.fonts[face];
    const w = this.textWidth(text, face, size);
    this.page.drawText(text, {
      x: center ? x + (width - w) / 2 : x,
      y: this.y - size,
      size,
      font,
      color: BLACK,
    });
  }

  /** A paragraph, wrapped, flowing onto the next page when needed. */
  paragraph(text: string, style: TextStyle = {}): void {
    const face = style.face ?? 'regular';
    const size = style.size ?? BODY;
    const indent = style.indent ?? 0;
    const lines = this.wrap(text, this.width, face, size, indent);
    lines.forEach((l, i) => {
      this.ensure(size * LEADING);
      const x = MARGIN.left + (i === 0 ? indent : 0);
      this.line(l, x, this.width - (i === 0 ? indent : 0), face, size, style.align === 'center');
      this.y -= size * LEADING;
    });
    this.y -= style.spaceAfter ?? 4;
  }

  /** `label: value` with the value in bold, wrapped under the label's line. */
  field(label: string, value: string): void {
    const size = BODY;
    const prefix = `${label}: `;
    const labelWidth = this.textWidth(prefix, 'regular', size);
    const lines = this.wrap(value, this.width, 'bold', size, labelWidth);
    lines.forEach((l, i) => {
      this.ensure(size * LEADING);
      if (i === 0) this.line(prefix, MARGIN.left, this.width, 'regular', size, false);
      const x = MARGIN.left + (i === 0 ? labelWidth : 0);
      this.line(l, x, this.width, 'bold', size, false);
      this.y -= size * LEADING;
    });
    this.y -= 3;
  }

  /** Vertical space. */
  space(points: number): void {
    this.y -= points;
  }

  /**
   * The heading of an administrative document: the agency and the number on the left, the
   * national title, motto and place/date on the right (NĐ 30/2020/NĐ-CP, appendix I).
   */
  heading(agency: string, number: string, placeDate: string): void {
    const leftW = this.width * 0.4;
    const rightW = this.width - leftW;
    const top = this.y;
    const agencyLines = this.wrap(agency.toUpperCase(), leftW, 'bold', 12);
    for (const l of agencyLines) {
      this.line(l, MARGIN.left, leftW, 'bold', 12, true);
      this.y -= 12 * LEADING;
    }
    this.rule(MARGIN.left + leftW / 2, 40);
    this.y -= 8;
    this.line(number, MARGIN.left, leftW, 'regular', 12, true);
    const leftBottom = this.y - 12 * LEADING;

    this.y = top;
    const rx = MARGIN.left + leftW;
    const national = 'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM';
    const nationalSize = this.fit(national, 'bold', 12, rightW);
    this.line(national, rx, rightW, 'bold', nationalSize, true);
    this.y -= 12 * LEADING;
    const motto = 'Độc lập - Tự do - Hạnh phúc';
    this.line(motto, rx, rightW, 'bold', 13, true);
    this.y -= 13 * LEADING;
    this.rule(rx + rightW / 2, this.textWidth(motto, 'bold', 13));
    this.y -= 8;
    const dateLines = this.wrap(placeDate, rightW, 'italic', 13);
    for (const l of dateLines) {
      this.line(l, rx, rightW, 'italic', 13, true);
      this.y -= 13 * LEADING;
    }
    this.y = Math.min(this.y, leftBottom) - 18;
  }

  /** The largest size up to `size` at which `text` fits in `width`. */
  private fit(text: string, face: Face, size: number, width: number): number {
    const w = this.textWidth(text, face, size);
    return w <= width ? size : Math.floor(((size * width) / w) * 10) / 10;
  }

  /** A short horizontal rule centred on `cx`, just under the current line. */
  private rule(cx: number, length: number): void {
    this.page.drawLine({
      start: { x: cx - length / 2, y: this.y - 1 },
      end: { x: cx + length / 2, y: this.y - 1 },
      thickness: 0.6,
      color: BLACK,
    });
  }

  /** The title: the first line bold and upper case, the others (the subject) bold. */
  title(text: string): void {
    const [first = '', ...rest] = text.split('\n');
    this.paragraph(first.toUpperCase(), { face: 'bold', size: 14, align: 'center', spaceAfter: 2 });
    for (const r of rest) this.paragraph(r, { face: 'bold', size: 13, align: 'center' });
    this.y -= 10;
  }

  /** A table with a header row; columns are fractions of the text width. */
  table(columns: readonly { title: string; share: number }[], rows: readonly string[][]): void {
    const size = 10;
    const pad = 3;
    const total = columns.reduce((s, c) => s + c.share, 0);
    const widths = columns.map((c) => (c.share / total) * this.width);
    const drawRow = (cells: readonly string[], face: Face) => {
      const wrapped = cells.map((c, i) => this.wrap(c, widths[i]! - 2 * pad, face, size));
      const height = Math.max(...wrapped.map((w) => w.length)) * size * 1.25 + 2 * pad;
      this.ensure(height);
      let x = MARGIN.left;
      wrapped.forEach((lines, i) => {
        this.page.drawRectangle({
          x,
          y: this.y - height,
          width: widths[i]!,
          height,
          borderColor: BLACK,
          borderWidth: 0.5,
        });
        lines.forEach((l, j) => {
          this.page.drawText(l, {
            x: x + pad,
            y: this.y - pad - size - j * size * 1.25 + 1,
            size,
            font: this.fonts[face],
            color: BLACK,
          });
        });
        x += widths[i]!;
      });
      this.y -= height;
    };
    drawRow(
      columns.map((c) => c.title),
      'bold',
    );
    for (const r of rows) drawRow(r, 'regular');
    this.y -= 8;
  }

  /**
   * Signature blocks: up to two columns, each a title (bold), a hint (italic) and, after room
   * for the signature, the name (bold).
   */
  signatures(blocks: readonly ({ title: string; hint?: string; name?: string } | null)[]): void {
    const colW = this.width / 2;
    this.ensure(130);
    const top = this.y;
    let bottom = top;
    blocks.forEach((b, i) => {
      if (!b) return;
      this.y = top;
      const x = MARGIN.left + i * colW;
      for (const l of b.title.split('\n')) {
        this.line(l, x, colW, 'bold', 13, true);
        this.y -= 13 * LEADING;
      }
      if (b.hint) {
        this.line(b.hint, x, colW, 'italic', 12, true);
        this.y -= 12 * LEADING;
      }
      this.y -= 60;
      if (b.name) {
        this.line(b.name, x, colW, 'bold', 13, true);
        this.y -= 13 * LEADING;
      }
      bottom = Math.min(bottom, this.y);
    });
    this.y = bottom - 10;
  }

  /** A QR code for `url` at the bottom left of the last page, with a caption beside it. */
  qr(url: string, caption: string): void {
    const matrix = qrMatrix(url);
    const side = 72;
    const quiet = 4;
    const cell = side / (matrix.size + 2 * quiet);
    const x0 = MARGIN.left;
    const y0 = 28;
    // The QR sits in the bottom band of the last page; text reaching into it moves it on.
    if (this.y < y0 + side + 8) {
      this.page = this.doc.addPage([A4.width, A4.height]);
      this.y = A4.height - MARGIN.top;
    }
    const page = this.page;
    page.drawRectangle({ x: x0, y: y0, width: side, height: side, color: rgb(1, 1, 1) });
    for (let y = 0; y < matrix.size; y++)
      for (let x = 0; x < matrix.size; x++)
        if (matrix.dark(x, y))
          page.drawRectangle({
            x: x0 + (x + quiet) * cell,
            y: y0 + side - (y + quiet + 1) * cell,
            width: cell,
            height: cell,
            color: BLACK,
          });
    const lines = this.wrap(caption, this.width - side - 10, 'italic', 9);
    lines.forEach((l, i) => {
      page.drawText(l, {
        x: x0 + side + 8,
        y: y0 + side - 14 - i * 11,
        size: 9,
        font: this.fonts.italic,
        color: BLACK,
      });
    });
  }

  /** Page numbers "Trang i/n" at the bottom right of every page when there are several. */
  private numberPages(): void {
    const pages = this.doc.getPages();
    if (pages.length < 2) return;
    pages.forEach((p, i) => {
      const text = `Trang ${i + 1}/${pages.length}`;
      const w = this.textWidth(text, 'italic', 9);
      p.drawText(text, {
        x: A4.width - MARGIN.right - w,
        y: 30,
        size: 9,
        font: this.fonts.italic,
        color: BLACK,
      });
    });
  }

  /** The finished document (ready for a signature placeholder). */
  finish(): PDFDocument {
    this.numberPages();
    return this.doc;
  }
}
