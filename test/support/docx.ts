import JSZip from 'jszip';
import PizZip from 'pizzip';

/** A minimal WordprocessingML document whose body is the given paragraphs (XML-escaped by the caller when needed). */
export async function docx(...paragraphs: string[]): Promise<Buffer> {
  const zip = new JSZip();
  zip.file(
    '[Content_Types].xml',
    '<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>',
  );
  const body = paragraphs.map((text) => `<w:p><w:r><w:t>${text}</w:t></w:r></w:p>`).join('');
  zip.file('word/document.xml', `<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>${body}</w:body></w:document>`);
  return zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE' });
}

/** The body of a DOCX, as WordprocessingML. */
export const documentXml = (docx: Buffer) => new PizZip(docx).file('word/document.xml')!.asText();

/** The text of a WordprocessingML body, runs joined (a phrase may be cut into several runs). */
export const textOf = (xml: string) => [...xml.matchAll(/<w:t[^>]*>([^<]*)<\/w:t>/g)].map((m) => m[1]).join('');

/** The text of a DOCX body. */
export const docxText = (bytes: Buffer) => textOf(documentXml(bytes));
