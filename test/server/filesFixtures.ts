/**
 * Small valid files for the dossier-file tests: a one-page PDF made here (with a correct
 * cross-reference table, so viewers open it), and a JPEG and a PNG rendered from such a PDF by
 * poppler's pdftoppm.
 */

/** A one-page PDF showing `text` (ASCII), different bytes for every text. */
export function makePdf(text: string, padding = 0): Uint8Array {
  const stream = `BT /F1 18 Tf 20 50 Td (${text.replace(/[()\\]/g, '')}) Tj ET${' '.repeat(padding)}`;
  const objects = [
    '<< /Type /Catalog /Pages 2 0 R >>',
    '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
    '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 300 100] /Contents 4 0 R /Resources << /Font << /F1 5 0 R >> >> >>',
    `<< /Length ${stream.length} >>\nstream\n${stream}\nendstream`,
    '<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>',
  ];
  let out = '%PDF-1.4\n';
  const offsets: number[] = [];
  objects.forEach((o, i) => {
    offsets.push(out.length);
    out += `${i + 1} 0 obj\n${o}\nendobj\n`;
  });
  const xref = out.length;
  out += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n`;
  for (const o of offsets) out += `${String(o).padStart(10, '0')} 00000 n \n`;
  out += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
  return new TextEncoder().encode(out);
}

/** A small real JPEG (a scan of a page). */
export const JPEG = Uint8Array.from(
  Buffer.from(
    '/9j/4AAQSkZJRgABAQEAFAAUAAD/2wBDAAgGBgcGBQgHBwcJCQgKDBQNDAsLDBkSEw8UHRofHh0aHBwgJC4nICIsIxwcKDcpLDAxNDQ0Hyc5PTgyPC4zNDL/2wBDAQkJCQwLDBgNDRgyIRwhMjIyMjIyMjIyMjIyMjIyMjIyMjIyMjIyMjIyMjIyMjIyMjIyMjIyMjIyMjIyMjIyMjL/wAARCAAcADgDASIAAhEBAxEB/8QAHwAAAQUBAQEBAQEAAAAAAAAAAAECAwQFBgcICQoL/8QAtRAAAgEDAwIEAwUFBAQAAAF9AQIDAAQRBRIhMUEGE1FhByJxFDKBkaEII0KxwRVS0fAkM2JyggkKFhcYGRolJicoKSo0NTY3ODk6Q0RFRkdISUpTVFVWV1hZWmNkZWZnaGlqc3R1dnd4eXqDhIWGh4iJipKTlJWWl5iZmqKjpKWmp6ipqrKztLW2t7i5usLDxMXGx8jJytLT1NXW19jZ2uHi4+Tl5ufo6erx8vP09fb3+Pn6/8QAHwEAAwEBAQEBAQEBAQAAAAAAAAECAwQFBgcICQoL/8QAtREAAgECBAQDBAcFBAQAAQJ3AAECAxEEBSExBhJBUQdhcRMiMoEIFEKRobHBCSMzUvAVYnLRChYkNOEl8RcYGRomJygpKjU2Nzg5OkNERUZHSElKU1RVVldYWVpjZGVmZ2hpanN0dXZ3eHl6goOEhYaHiImKkpOUlZaXmJmaoqOkpaanqKmqsrO0tba3uLm6wsPExcbHyMnK0tPU1dbX2Nna4uPk5ebn6Onq8vP09fb3+Pn6/9oADAMBAAIRAxEAPwD3+iquoxXM9oUtXCyblJy5XK55G4cjj0/TrWPHB4ohNuGuLR027JQpJIYvyw3DoFJOM8lQO5oA6KisSW2143bSxXcAjDSbY2Pyspzs/g4I+XPJ7/Soo4/EsVxaedNBLG237R5ZACHdzjKgkbfxz7UAdBRXPNZeJJFw2oW6ZVgxTqTng/d4wM/pnNblssy2kK3Lq84RRIy9C2OSPxoAlooooAKKKKACiiigAooooAKKKKAP/9k=',
    'base64',
  ),
);

/** A small real PNG. */
export const PNG = Uint8Array.from(
  Buffer.from(
    'iVBORw0KGgoAAAANSUhEUgAAABwAAAAOCAIAAACzcetTAAAACXBIWXMAAAGJAAABiQGeLhE1AAAAtklEQVQ4y+2SMQuDMBCFY62TiLgIipMQEFxc8v8nV7eI4BaQ6JAMN2gQ4nUIhQ4tXexQ8BvewePxTechIjmbG/kB/yO9u7Pve9u2URRlWWaMSZLE930hhJSSMaaUIoRYa9M0lVIGQQAA27aVZZnn+UepMUZrzTmvqmoYhrquwzBExGVZuq4bx7FpmmmaiqLgnMdxvK4rpVQI8VZK8MlxHC7neQaA18YN+r4HAGstfsO7XuqSnssDQCSZrXwDUKUAAAAASUVORK5CYII=',
    'base64',
  ),
);

/** A Windows executable's first bytes ("MZ" header), whatever its name says. */
export function makeExe(): Uint8Array {
  const bytes = new Uint8Array(512);
  bytes.set([0x4d, 0x5a, 0x90, 0x00, 0x03]);
  bytes.set([0x50, 0x45, 0x00, 0x00], 0x80);
  bytes[0x3c] = 0x80;
  return bytes;
}
