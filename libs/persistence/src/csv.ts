/**
 * One CSV cell (RFC 4180): quoted when it holds a comma, quote or line break. A text that a
 * spreadsheet would run as a formula (= + - @ at the start) is prefixed with an apostrophe, so a
 * label or comment typed by someone cannot become a formula in the reader's Excel.
 */
export function csvCell(v: unknown): string {
  let text = v === null || v === undefined ? '' : typeof v === 'string' ? v : Array.isArray(v) && v.every((x) => typeof x === 'string') ? v.join(';') : JSON.stringify(v);
  if (typeof v === 'string' && /^[=+\-@\t\r]/.test(text)) text = `'${text}`;
  return /[",\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

/** One CSV line, CRLF-terminated. */
export function csvLine(cells: unknown[]): string {
  return cells.map(csvCell).join(',') + '\r\n';
}
