import { execFileSync } from 'node:child_process';

export const DOCUMENTS_OPTIONS = Symbol('DOCUMENTS_OPTIONS');

export interface DocumentsOptions {
  /** The LibreOffice binary for PDF renditions; null: none are made, and the API says so. */
  soffice: string | null;
  /** Retry renditions left pending (a crash between the commit and the conversion) every `intervalMs`. */
  sweep?: { intervalMs: number };
}

/** The `SOFFICE` setting when given (empty: none), else `soffice` on the PATH. */
export function findSoffice(setting?: string): string | null {
  if (setting !== undefined) return setting || null;
  try {
    return execFileSync('sh', ['-c', 'command -v soffice'], { encoding: 'utf8' }).trim() || null;
  } catch {
    return null;
  }
}
