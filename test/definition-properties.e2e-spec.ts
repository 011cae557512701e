import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import fc from 'fast-check';
import { validateDefinition } from '#libs/engine';
import { createDataSource } from '#libs/persistence';
import { createRuntime } from '#libs/runtime';
import { DomainError, ErrorCode } from '#libs/core';
import type { DataSource } from 'typeorm';
import { createTestDatabase, type TestDatabase } from './support/database.js';

/**
 * What validates, runs: definitions generated from the format's vocabulary (deadline kinds ×
 * start points × field types × reminders × escalations, compare guards on every operator) are
 * either refused by the validator or run. Driven with valid events, their deadlines fired, they
 * never fail with anything but a typed refusal (a 4xx): no 500, ever.
 */
const L = (vi: string, en: string) => ({ vi, en });
const span = fc.oneof(
  fc.record({ days: fc.integer({ min: 1, max: 40 }) }),
  fc.record({ workingDays: fc.integer({ min: 1, max: 30 }) }),
  fc.constantFrom({ duration: 'PT2H' }, { duration: 'P3D' }, { duration: 'PT90M' }, { duration: 'P1M' }),
);
const dateField = fc.constantFrom('ngayNhan', 'ngayGio', 'khongCo');
const deadline = (key: string) =>
  fc.record(
    {
      way: fc.constantFrom('after', 'before'),
      span,
      from: fc.oneof(fc.constant('entry' as const), dateField.map((f) => ({ context: f }))),
      reminders: fc.array(fc.record({ before: span }), { maxLength: 2 }),
      escalate: fc.option(fc.record({ priority: fc.constantFrom('high', 'urgent'), notify: fc.constant({ roles: ['lanh-dao'], message: L('Quá hạn', 'Overdue') }) }), { nil: undefined }),
      fires: fc.boolean(),
    },
    { requiredKeys: ['way', 'span', 'from', 'reminders', 'fires'] },
  ).map((d) => ({
    key,
    label: L(`Hạn ${key}`, `Limit ${key}`),
    [d.way]: d.span,
    from: d.from,
    ...(d.reminders.length ? { reminders: d.reminders } : {}),
    ...(d.escalate ? { escalate: d.escalate } : {}),
    ...(d.fires ? { event: 'QUA_HAN' } : {}),
  }));
const guard = fc.record({ op: fc.constantFrom('==', '!=', '>', '>=', '<', '<='), value: fc.integer({ min: 0, max: 300 }) });

const definition = fc.record({ n: fc.integer({ min: 1, max: 3 }), dateFormat: fc.constantFrom('date', 'date-time'), guards: fc.array(guard, { minLength: 3, maxLength: 3 }), deadlines: fc.array(fc.option(deadline('x'), { nil: undefined }), { minLength: 3, maxLength: 3 }) }).map(({ n, dateFormat, guards, deadlines }) => {
  const names = Array.from({ length: n }, (_, i) => `buoc${i + 1}`);
  const states: Record<string, unknown> = {};
  names.forEach((name, i) => {
    const next = names[i + 1] ?? 'xong';
    const d = deadlines[i];
    states[name] = {
      meta: {
        label: L(`Bước ${i + 1}`, `Step ${i + 1}`),
        task: { title: L(`Xử lý bước ${i + 1}`, `Handle step ${i + 1}`), roles: ['can-bo'], outcomes: ['XONG', 'CHUYEN'] },
        ...(d ? { deadlines: [{ ...d, key: `han${i + 1}` }] } : {}),
      },
      on: {
        XONG: [{ target: next, guard: { type: 'compare', params: { left: { path: 'payload.soLuong' }, op: guards[i].op, right: { value: guards[i].value } } } }, { target: 'xong' }],
        CHUYEN: { target: next, actions: [{ type: 'assign', params: { set: { ngayNhan: { path: 'payload.ngay' } } } }] },
        ...(d?.event ? { QUA_HAN: { target: next } } : {}),
      },
    };
  });
  states.xong = { type: 'final', meta: { label: L('Xong', 'Done') } };
  const date = { type: 'string', format: dateFormat };
  // Plain JSON, as a definition arrives: no shared objects, no prototypes of the generator's.
  return jsonOf({
    key: 'sinh-ngau-nhien',
    title: L('Quy trình sinh ngẫu nhiên', 'Generated workflow'),
    roles: { 'can-bo': L('Cán bộ', 'Officer'), 'lanh-dao': L('Lãnh đạo', 'Leader') },
    inputSchema: { type: 'object', properties: { ngayNhan: date, ngayGio: date, soLuong: { type: 'integer', minimum: 0, maximum: 500 } } },
    context: { ngayNhan: null },
    events: {
      XONG: { label: L('Hoàn thành', 'Done'), kind: 'human', schema: { type: 'object', properties: { soLuong: { type: 'integer', minimum: 0, maximum: 500 } } } },
      CHUYEN: { label: L('Chuyển', 'Forward'), kind: 'human', schema: { type: 'object', properties: { ngay: date } } },
      QUA_HAN: { label: L('Quá hạn', 'Overdue'), kind: 'timer' },
    },
    machine: { id: 'sinh-ngau-nhien', initial: names[0], states },
  });
});

function jsonOf<T>(value: T): T {
  return JSON.parse(JSON.stringify(value)) as T;
}

/** A date or date-time in 2026–2027 as the field's format asks. */
const dateValue = (format: string) =>
  fc.date({ min: new Date('2026-01-01T00:00:00Z'), max: new Date('2027-12-31T00:00:00Z'), noInvalidDate: true }).map((d) => (format === 'date' ? d.toISOString().slice(0, 10) : d.toISOString()));

describe('what validates, runs', () => {
  let db: TestDatabase;
  let ds: DataSource;

  beforeAll(async () => {
    db = await createTestDatabase();
    ds = await createDataSource({ url: db.url, poolSize: 4 }).initialize();
  });
  afterAll(async () => {
    await ds?.destroy();
    await db?.drop();
  });

  it('generated definitions are refused by the validator or run to the end with typed refusals only', async () => {
    const runtime = createRuntime(ds);
    const officer = { id: 'can-bo-1', roles: ['can-bo'], units: ['ubnd'] };
    let published = 0;
    let stepped = 0;
    let fired = 0;
    let refusedForDate = 0;
    const invalid: string[] = [];
    const typedOnly = async <T>(work: () => Promise<T>): Promise<T | undefined> => {
      try {
        return await work();
      } catch (error) {
        // Refused for what was sent (a 4xx naming why); never for the definition that validated, never a crash.
        if (error instanceof DomainError && error.code !== ErrorCode.DependencyUnavailable && error.code !== ErrorCode.DefinitionInvalid) return undefined;
        throw error;
      }
    };
    await fc.assert(
      fc.asyncProperty(
        definition.chain((def) =>
          fc.tuple(
            fc.constant(def),
            fc.record({ ngayNhan: fc.option(dateValue(def.inputSchema.properties.ngayNhan.format), { nil: undefined }), ngayGio: dateValue(def.inputSchema.properties.ngayGio.format), soLuong: fc.integer({ min: 0, max: 500 }) }, { requiredKeys: ['ngayGio', 'soLuong'] }),
            fc.array(fc.record({ type: fc.constantFrom('XONG', 'CHUYEN', 'FIRE'), soLuong: fc.integer({ min: 0, max: 300 }), ngay: dateValue(def.inputSchema.properties.ngayNhan.format) }), { minLength: 1, maxLength: 6 }),
          ),
        ),
        async ([def, input, steps]) => {
          const checked = validateDefinition(def);
          if (!checked.valid) {
            invalid.push(checked.issues.map((i) => `${i.path} ${i.code}`).join('; '));
            return;
          }
          // Every version is a new one of the same key: published as an admin would, then started.
          await runtime.definitions.publish(def);
          published++;
          const started = await typedOnly(() => runtime.commands.start({ definitionKey: def.key, input: jsonOf(input) }, { actor: officer }));
          if (!started) return;
          const id = started.body.id;
          for (const s of steps) {
            if (s.type === 'FIRE') {
              const [timer] = await ds.query(`SELECT id, job_id FROM timers WHERE instance_id = $1 AND status = 'pending' ORDER BY fire_at LIMIT 1`, [id]);
              if (timer) {
                try {
                  await runtime.timers.fireTimer(timer.id, timer.job_id, new Date('2028-06-01T00:00:00Z'));
                  fired++;
                } catch (error) {
                  // A deadline's step that would arm a limit from a date the case does not hold is the
                  // definition's refusal (never counted from the engine's own time): the case waits, and
                  // the admins see it. Nothing else may come out of a timer.
                  const missingDate = error instanceof DomainError && error.code === ErrorCode.DefinitionInvalid && (error.details?.issues as Array<{ code: string }> | undefined)?.[0]?.code === 'missing_date';
                  if (!missingDate) throw error;
                  const [recorded] = await ds.query(`SELECT 1 FROM audit_log WHERE action = 'definition.runtime_refusal' AND data->>'timerId' = $1`, [timer.id]);
                  expect(recorded).toBeDefined();
                  refusedForDate++;
                }
              }
              continue;
            }
            const payload = s.type === 'XONG' ? { soLuong: s.soLuong } : { ngay: s.ngay };
            if (await typedOnly(() => runtime.commands.send(id, { type: s.type, payload }, { actor: officer }))) stepped++;
          }
        },
      ),
      { numRuns: 150 },
    );
    // The property was exercised, not vacuously true.
    expect(published).toBeGreaterThan(40);
    expect(stepped).toBeGreaterThan(30);
    expect(fired).toBeGreaterThan(10);
    expect(refusedForDate).toBeLessThan(fired);
  }, 300_000);
});
