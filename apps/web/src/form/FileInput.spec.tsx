/**
 * @jest-environment ./apps/web/test/jsdom-environment.js
 */
// File fields of the generated form: the limits shown before anything is sent, a file too large
// or of a refused kind turned away in the browser, in Vietnamese and in English.
import { afterEach, beforeEach, describe, expect, it, jest } from '@jest/globals';
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { useState } from 'react';
import { setToken } from '../api/client.ts';
import type { JsonSchema } from '../api/types.ts';
import { I18nProvider } from '../i18n/i18n.tsx';
import { initialValue, SchemaForm } from './SchemaForm.tsx';

const schema: JsonSchema = {
  type: 'object',
  properties: { tepDinhKem: { type: 'array', title: 'Tệp đính kèm (Attachments)', maxItems: 3, items: { type: 'string', format: 'phoihop-file' } } },
};

const LIMITS = {
  maxBytes: 25 * 1024 * 1024,
  types: [
    { contentType: 'application/pdf', label: 'PDF', extensions: ['.pdf'] },
    { contentType: 'image/png', label: 'PNG', extensions: ['.png'] },
  ],
};

function Form() {
  const [value, setValue] = useState(() => initialValue(schema));
  return <SchemaForm schema={schema} value={value} onChange={setValue} errors={{}} />;
}

function open(lang: 'vi' | 'en') {
  localStorage.setItem('phoihop.lang', lang);
  return render(
    <I18nProvider>
      <Form />
    </I18nProvider>,
  );
}

beforeEach(() => {
  setToken('test-token');
  globalThis.fetch = jest.fn<typeof fetch>(async () => new Response(JSON.stringify(LIMITS), { status: 200, headers: { 'Content-Type': 'application/json' } }));
});
afterEach(() => {
  cleanup();
  localStorage.clear();
  setToken(null);
});

function pick(input: HTMLElement, file: File) {
  fireEvent.change(input, { target: { files: [file] } });
}

describe('file fields', () => {
  it('shows the accepted types and the size limit before anything is sent (Vietnamese)', async () => {
    const { container } = open('vi');
    await waitFor(() => expect(screen.getByTestId('file-limits').textContent).toBe('Nhận tệp PDF, PNG, tối đa 25 MB mỗi tệp.'));
    const input = container.querySelector('input[type="file"]') as HTMLInputElement;
    expect(input.multiple).toBe(true);
    expect(input.accept).toBe('application/pdf,.pdf,image/png,.png');
  });

  it('refuses a file too large, and one of a kind not accepted, without sending it (English)', async () => {
    const { container } = open('en');
    await waitFor(() => expect(screen.getByTestId('file-limits').textContent).toBe('Accepts PDF, PNG, up to 25 MB per file.'));
    const send = jest.spyOn(XMLHttpRequest.prototype, 'send').mockImplementation(() => undefined);
    const input = container.querySelector('input[type="file"]') as HTMLInputElement;
    const big = new File(['x'], 'ho-so.pdf', { type: 'application/pdf' });
    Object.defineProperty(big, 'size', { value: 26 * 1024 * 1024 });
    pick(input, big);
    expect((await screen.findAllByRole('alert'))[0].textContent).toContain('The file is larger than the 25 MB limit.');
    pick(input, new File(['MZ'], 'chuong-trinh.exe'));
    expect(await screen.findByText('This kind of file is not accepted. Accepted: PDF, PNG.')).toBeTruthy();
    // Nothing was uploaded.
    expect(send).not.toHaveBeenCalled();
    send.mockRestore();
  });
});
