// A message carried over one navigation ("Đã hoàn thành công việc …" shown on the case page).
let pending = '';

export function flash(text: string): void {
  pending = text;
}

export function takeFlash(): string {
  const text = pending;
  pending = '';
  return text;
}
