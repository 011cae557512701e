import { fileTypeFromBuffer } from 'file-type';

/** What an upload may be, by its bytes: the papers a ward keeps (letters, scans, tables). */
export const ALLOWED_TYPES: ReadonlyMap<string, string> = new Map([
  ['application/pdf', 'PDF'],
  ['application/vnd.openxmlformats-officedocument.wordprocessingml.document', 'DOCX'],
  ['application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', 'XLSX'],
  ['application/vnd.oasis.opendocument.text', 'ODT'],
  ['image/jpeg', 'JPEG'],
  ['image/png', 'PNG'],
  ['image/tiff', 'TIFF'],
]);

/** The names a picker offers for each accepted type (the bytes decide; these only filter the dialog). */
export const TYPE_EXTENSIONS: Readonly<Record<string, string[]>> = {
  'application/pdf': ['.pdf'],
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document': ['.docx'],
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet': ['.xlsx'],
  'application/vnd.oasis.opendocument.text': ['.odt'],
  'image/jpeg': ['.jpg', '.jpeg'],
  'image/png': ['.png'],
  'image/tiff': ['.tif', '.tiff'],
};

/**
 * How many leading bytes the type is decided from. Office files are zips whose kind is read from
 * their first entries (`[Content_Types].xml`, `mimetype`), which writers put at the start; 256 KB
 * holds them and bounds what an upload keeps in memory.
 */
export const SNIFF_BYTES = 256 * 1024;

/**
 * The content type of a file from its first bytes (file-type), or, when it is none of the binary
 * formats file-type knows, a word for what it looks like: `text/html` for markup (the one thing a
 * browser must never be handed from here), `text/plain` for other text, `unknown` otherwise.
 */
export async function detectType(head: Buffer): Promise<string> {
  const found = await fileTypeFromBuffer(head).catch(() => undefined);
  if (found) return found.mime;
  const text = head.subarray(0, 4096).toString('utf8');
  if (/<\s*(!doctype\s+html|html|head|body|script|iframe|svg)\b/i.test(text)) return 'text/html';
  if (head.length && !head.subarray(0, 4096).includes(0) && !text.includes('\ufffd')) return 'text/plain';
  return 'unknown';
}

export const MAX_NAME_LENGTH = 200;

/**
 * A file name as stored and offered back: the last path part only (a browser may send
 * `C:\fakepath\…`), NFC (so Vietnamese diacritics compare and display the same from every system),
 * no control or bidi-override characters, no leading dots, at most MAX_NAME_LENGTH characters with
 * the extension kept. An empty result becomes `tep-dinh-kem`.
 */
export function sanitizeFileName(raw: string | undefined): string {
  let name = (raw ?? '').normalize('NFC');
  name = name.split(/[/\\]/).pop() ?? '';
  // Control characters, and the format characters that can make a name read other than it is (bidi overrides).
  name = name.replace(/[\u0000-\u001f\u007f-\u009f\u200b-\u200f\u202a-\u202e\u2066-\u2069\ufeff]/g, '');
  name = name.replace(/["<>|:*?]/g, '_').replace(/\s+/g, ' ').trim().replace(/^\.+/, '').trim();
  const chars = [...name];
  if (chars.length > MAX_NAME_LENGTH) {
    const dot = name.lastIndexOf('.');
    const ext = dot > 0 && name.length - dot <= 10 ? name.slice(dot) : '';
    name = [...name.slice(0, name.length - ext.length)].slice(0, MAX_NAME_LENGTH - [...ext].length).join('') + ext;
  }
  return name || 'tep-dinh-kem';
}

/**
 * `Content-Disposition: attachment` with an ASCII fallback (diacritics dropped, anything else `_`)
 * and the exact name in RFC 5987's `filename*`: every browser downloads it, none renders it.
 */
export function contentDisposition(name: string): string {
  const ascii =
    name
      .normalize('NFD')
      .replace(/[\u0300-\u036f]/g, '')
      .replace(/đ/g, 'd')
      .replace(/Đ/g, 'D')
      .replace(/[^\x20-\x7e]/g, '_')
      .replace(/["\\%;]/g, '_') || 'tep-dinh-kem';
  const encoded = encodeURIComponent(name).replace(/['()*]/g, (c) => '%' + c.charCodeAt(0).toString(16).toUpperCase());
  return `attachment; filename="${ascii}"; filename*=UTF-8''${encoded}`;
}
