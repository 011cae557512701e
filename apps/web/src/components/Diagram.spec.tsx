/**
 * @jest-environment ./apps/web/test/jsdom-environment.js
 */
// The diagram's collapse control: offered for a workflow with nested steps only, one choice per
// level that can be folded, and the page told which (it then asks the API with `depth`).
import { afterEach, describe, expect, it } from '@jest/globals';
import { cleanup, fireEvent, render, screen } from '@testing-library/react';
import { I18nProvider } from '../i18n/i18n.tsx';
import { DiagramDepthControl, diagramLevels } from './Diagram.tsx';

const nested = {
  initial: 'a',
  states: { a: {}, xuLy: { initial: 'b', states: { b: {}, c: { type: 'parallel', states: { r1: { initial: 'x', states: { x: {} } } } } } } },
};

function renderIn(lang: 'vi' | 'en', levels: number, value?: number) {
  localStorage.setItem('phoihop.lang', lang);
  const chosen: Array<number | undefined> = [];
  render(
    <I18nProvider>
      <DiagramDepthControl depth={{ value, levels, onChange: (d) => chosen.push(d) }} />
    </I18nProvider>,
  );
  return chosen;
}

describe("the diagram's collapse control", () => {
  afterEach(() => {
    cleanup();
    localStorage.clear();
  });

  it('counts the levels of steps of a machine', () => {
    expect(diagramLevels({ initial: 'a', states: { a: {}, b: {} } })).toBe(1);
    expect(diagramLevels(nested)).toBe(4);
    expect(diagramLevels(undefined)).toBe(0);
  });

  it('is not offered when there is nothing to fold', () => {
    renderIn('vi', 1);
    expect(screen.queryByTestId('diagram-depth')).toBeNull();
  });

  it('offers every level that can be folded, and tells the page the choice', () => {
    const chosen = renderIn('vi', 4);
    const select = screen.getByLabelText('Thu gọn sơ đồ') as HTMLSelectElement;
    expect([...select.options].map((o) => o.textContent)).toEqual([
      'Không thu gọn: mọi cấp',
      'Chỉ hiện 1 cấp bước',
      'Chỉ hiện 2 cấp bước',
      'Chỉ hiện 3 cấp bước',
    ]);
    fireEvent.change(select, { target: { value: '2' } });
    fireEvent.change(select, { target: { value: '' } });
    expect(chosen).toEqual([2, undefined]);
  });

  it('says what a folded step looks like, in English too', () => {
    renderIn('en', 3, 1);
    expect((screen.getByLabelText('Collapse the diagram') as HTMLSelectElement).value).toBe('1');
    screen.getByText('A step marked (…) is collapsed: the steps inside it are drawn as one box.');
  });
});
