import { describe, expect, it } from '@jest/globals';
import type { WorkflowDefinition } from '../types.js';
import { designWarnings } from './warnings.js';

const definition = (events: WorkflowDefinition['events']): WorkflowDefinition => ({
  key: 'canh-bao',
  title: { vi: 'Cảnh báo', en: 'Warnings' },
  roles: { 'can-bo': { vi: 'Cán bộ', en: 'Officer' } },
  events,
  machine: {
    initial: 'mo',
    on: { RUT: '.xong', GHI_CHU: {} },
    states: {
      mo: { meta: { task: { title: { vi: 'Xử lý', en: 'Handle' }, roles: ['can-bo'], outcomes: ['XONG'] } }, on: { XONG: 'xong' } },
      xong: { type: 'final' },
    },
  },
});

describe('designWarnings', () => {
  it('names human events with no task and no sentBy, and human events without a schema', () => {
    const warnings = designWarnings(
      definition({
        XONG: { label: { vi: 'Xong', en: 'Done' }, kind: 'human', schema: { type: 'object' } },
        RUT: { label: { vi: 'Rút', en: 'Withdraw' }, kind: 'human', schema: { type: 'object' } },
        GHI_CHU: { label: { vi: 'Ghi chú', en: 'Note' }, kind: 'human', sentBy: { roles: ['can-bo'] } },
      }),
    );
    expect(warnings.map((w) => [w.path, w.code])).toEqual([
      ['/events/RUT', 'human_event_without_sender'],
      ['/events/GHI_CHU', 'human_event_without_schema'],
    ]);
  });

  it('says nothing of timer and system events', () => {
    const warnings = designWarnings(
      definition({
        XONG: { label: { vi: 'Xong', en: 'Done' }, kind: 'human', schema: { type: 'object' } },
        RUT: { label: { vi: 'Rút', en: 'Withdraw' }, kind: 'system' },
        GHI_CHU: { label: { vi: 'Ghi chú', en: 'Note' }, kind: 'timer' },
      }),
    );
    expect(warnings).toEqual([]);
  });
});
