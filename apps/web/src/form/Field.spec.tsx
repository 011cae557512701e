/**
 * @jest-environment ./apps/web/test/jsdom-environment.js
 */
// The generated form's fields: the control each kind of schema gets, its label, and the messages
// of the client's checks under it, in Vietnamese and in English.
import { afterEach, describe, expect, it } from '@jest/globals';
import { cleanup, fireEvent, render, screen } from '@testing-library/react';
import { useState } from 'react';
import type { JsonSchema } from '../api/types.ts';
import type { Presentation } from '../definitions/presentation.ts';
import { I18nProvider, useI18n } from '../i18n/i18n.tsx';
import { initialValue, SchemaForm } from './SchemaForm.tsx';
import { validateValue } from './validate.ts';

const schema: JsonSchema = {
  type: 'object',
  required: ['soVanBan', 'soNguoi', 'hinhThuc'],
  properties: {
    hinhThuc: { title: 'Hình thức (Form)', enum: ['truc-tiep', 'truc-tuyen'] },
    soNguoi: { title: 'Số người (Attendees)', type: 'integer', maximum: 50 },
    soVanBan: { title: 'Số văn bản (Document number)', type: 'string', minLength: 1 },
    khan: { title: 'Khẩn (Urgent)', type: 'boolean' },
    ngay: { title: 'Ngày họp (Meeting date)', type: 'string', format: 'date', description: 'Theo giờ Việt Nam (Vietnam time)' },
    ghiChu: { type: 'array', items: { type: 'string' }, maxItems: 2 },
  },
};

/** The definition's labels: fields by path, enum values. */
const presentation: Presentation = {
  fields: { soVanBan: { label: { vi: 'Số hiệu văn bản', en: 'Reference' } }, 'diaDiem.phong': { label: { vi: 'Phòng họp', en: 'Meeting room' } } },
  values: { 'truc-tiep': { vi: 'Trực tiếp', en: 'In person' }, 'truc-tuyen': { vi: 'Trực tuyến', en: 'Online' } },
};

/** The form as a page uses it: every error shown (as after submitting); the value sent is in `data-value`. */
function Form({ schema: s, labels }: { schema: JsonSchema; labels?: Presentation }) {
  const i18n = useI18n();
  const [value, setValue] = useState(() => initialValue(s));
  return (
    <div data-testid="form" data-value={JSON.stringify(value)}>
      <SchemaForm schema={s} value={value} onChange={setValue} errors={validateValue(s, value, i18n)} presentation={labels} />
    </div>
  );
}

function renderIn(lang: 'vi' | 'en', labels?: Presentation, s: JsonSchema = schema) {
  localStorage.setItem('phoihop.lang', lang);
  return render(
    <I18nProvider>
      <Form schema={s} labels={labels} />
    </I18nProvider>,
  );
}

const sent = () => JSON.parse(screen.getByTestId('form').getAttribute('data-value')!);

afterEach(() => {
  cleanup();
  localStorage.clear();
});

describe('form fields', () => {
  it('gives each kind of schema its labelled control, required ones first', () => {
    const { container } = renderIn('vi');
    expect(screen.getByLabelText(/^Số văn bản/)).toHaveProperty('type', 'text');
    expect(screen.getByLabelText(/^Số người/)).toHaveProperty('type', 'number');
    expect(screen.getByLabelText(/^Hình thức/).tagName).toBe('SELECT');
    // A day is typed as people write it (dd/mm/yyyy), whatever the browser's locale.
    expect(screen.getByLabelText(/^Ngày họp/)).toHaveProperty('type', 'text');
    expect(screen.getByLabelText(/^Ngày họp/).getAttribute('placeholder')).toBe('dd/mm/yyyy');
    expect(screen.getByRole('group', { name: /^Khẩn/ })).toBeTruthy();
    expect(screen.getByRole('radio', { name: 'Có' })).toBeTruthy();
    expect(screen.getByRole('radio', { name: 'Không' })).toBeTruthy();
    // Required fields in the order `required` names them, then the others as declared.
    const order = [...container.querySelectorAll('[data-pointer]')].map((e) => e.getAttribute('data-pointer'));
    expect(order).toEqual(['/soVanBan', '/soNguoi', '/hinhThuc', '/khan', '/ngay', '/ghiChu']);
    // The description is the field's hint.
    expect(screen.getByLabelText(/^Ngày họp/).getAttribute('aria-describedby')).toContain('hint');
    expect(screen.getByText('Theo giờ Việt Nam')).toBeTruthy();
  });

  it('shows the checks’ messages under their fields, tied by aria-describedby', () => {
    renderIn('vi');
    const number = screen.getByLabelText(/^Số văn bản/);
    expect(number.getAttribute('aria-invalid')).toBe('true');
    const message = document.getElementById(number.getAttribute('aria-describedby')!.split(' ').pop()!);
    expect(message?.textContent).toBe('Không được để trống.');

    fireEvent.change(number, { target: { value: 'QĐ-12' } });
    expect(number.getAttribute('aria-invalid')).toBeNull();

    const people = screen.getByLabelText(/^Số người/);
    fireEvent.change(people, { target: { value: '51' } });
    expect(screen.getByText('Giá trị lớn nhất là 50.')).toBeTruthy();
    fireEvent.change(people, { target: { value: '12' } });
    expect(screen.queryByText('Giá trị lớn nhất là 50.')).toBeNull();
  });

  it('speaks English when English is chosen: titles in brackets, English messages', () => {
    renderIn('en');
    expect(screen.getByLabelText(/^Document number/)).toBeTruthy();
    expect(screen.getByRole('radio', { name: 'Yes' })).toBeTruthy();
    expect(screen.getAllByText('This field is required.').length).toBeGreaterThanOrEqual(3);
    fireEvent.change(screen.getByLabelText(/^Attendees/), { target: { value: '99' } });
    expect(screen.getByText('The largest allowed value is 50.')).toBeTruthy();
  });

  it('takes a day as dd/mm/yyyy and sends it as ISO; what is not a day is said under the field', () => {
    renderIn('vi');
    const day = screen.getByLabelText(/^Ngày họp/);
    expect(screen.getByText('(ngày/tháng/năm)')).toBeTruthy();
    fireEvent.change(day, { target: { value: '20/11/2026' } });
    expect(sent().ngay).toBe('2026-11-20');
    expect((day as HTMLInputElement).value).toBe('20/11/2026');
    fireEvent.change(day, { target: { value: '30/02/2026' } });
    expect(day.getAttribute('aria-invalid')).toBe('true');
    expect(screen.getByText('Ngày không hợp lệ (ngày/tháng/năm).')).toBeTruthy();
    fireEvent.change(day, { target: { value: '' } });
    expect(sent().ngay).toBeUndefined();
  });

  it('labels fields and choices with the definition’s words, in the language chosen, over the schema’s titles and the values', () => {
    const nested: JsonSchema = { ...schema, properties: { ...schema.properties, diaDiem: { type: 'object', title: 'Địa điểm (Venue)', properties: { phong: { type: 'string' } } } } };
    const view = renderIn('vi', presentation, nested);
    expect(screen.getByLabelText(/^Số hiệu văn bản/)).toBeTruthy();
    expect(screen.getByLabelText(/^Phòng họp/)).toBeTruthy();
    expect([...screen.getByLabelText(/^Hình thức/).querySelectorAll('option')].map((o) => o.textContent)).toEqual(['— Chọn —', 'Trực tiếp', 'Trực tuyến']);
    fireEvent.change(screen.getByLabelText(/^Hình thức/), { target: { value: '1' } });
    expect(sent().hinhThuc).toBe('truc-tuyen');
    view.unmount();
    renderIn('en', presentation, nested);
    expect(screen.getByLabelText(/^Reference/)).toBeTruthy();
    expect(screen.getByLabelText(/^Meeting room/)).toBeTruthy();
    expect(screen.getByRole('option', { name: 'In person' })).toBeTruthy();
    // A field without any label reads as words, never as its machine name.
    expect(screen.getByRole('group', { name: /^Ghi chu/ })).toBeTruthy();
  });

  it('adds and removes list items up to maxItems', () => {
    renderIn('vi');
    const add = screen.getByRole('button', { name: /Thêm/ });
    fireEvent.click(add);
    fireEvent.click(add);
    expect(add).toHaveProperty('disabled', true);
    expect(screen.getAllByRole('listitem')).toHaveLength(2);
    fireEvent.click(screen.getAllByRole('button', { name: /^Xóa/ })[0]);
    expect(screen.getAllByRole('listitem')).toHaveLength(1);
  });
});
