// A message carried over one navigation ("Đã hoàn thành công việc …" shown on the next page).
import { useEffect, useState } from 'react';

let pending = '';

export function flash(text: string): void {
  pending = text;
}

/**
 * The message left for this page. It is read while rendering and cleared only once the page is
 * mounted, so that a page that suspends (loaded on demand) or renders twice still shows it.
 */
export function useFlash(): string {
  const [text] = useState(() => pending);
  useEffect(() => {
    if (pending === text) pending = '';
  }, [text]);
  return text;
}
