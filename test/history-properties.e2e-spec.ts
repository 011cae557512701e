import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import fc from 'fast-check';
import { readdir, readFile } from 'node:fs/promises';
import { InstanceAuditService } from '#libs/audit';
import { AuditRepository, createDataSource, HistoryRepository, InstancesRepository } from '#libs/persistence';
import { createRuntime, inlineTemplates, SYSTEM_ACTOR } from '#libs/runtime';
import { standaloneDocumentEngine } from '#libs/documents';
import { DomainError } from '#libs/core';
import type { DataSource } from 'typeorm';
import { createTestDatabase, type TestDatabase } from './support/database.js';

type Schema = { type?: string | string[]; properties?: Record<string, Schema>; required?: string[]; enum?: unknown[]; minLength?: number; maxLength?: number; minimum?: number; maximum?: number };

/** Values that satisfy a (simple) JSON Schema: what a person filling the form could send. */
function arbitraryFor(schema: Schema | undefined): fc.Arbitrary<unknown> {
  if (!schema) return fc.constant(undefined);
  if (schema.enum) return fc.constantFrom(...schema.enum);
  const type = Array.isArray(schema.type) ? schema.type[0] : schema.type;
  switch (type) {
    case 'object': {
      const props = Object.fromEntries(Object.entries(schema.properties ?? {}).map(([k, s]) => [k, arbitraryFor(s)]));
      return fc.record(props, { requiredKeys: schema.required ?? [] });
    }
    case 'string':
      return fc.string({ minLength: schema.minLength ?? 0, maxLength: Math.max(schema.minLength ?? 0, Math.min(schema.maxLength ?? 30, 30)) });
    case 'integer':
      return fc.integer({ min: schema.minimum ?? 0, max: schema.maximum ?? 1000 });
    case 'number':
      return fc.double({ min: schema.minimum ?? 0, max: schema.maximum ?? 1000, noNaN: true });
    case 'boolean':
      return fc.boolean();
    default:
      return fc.constant(undefined);
  }
}

/**
 * For every shipped workflow: random sequences of events a person could send (some refused) keep
 * the history sequence contiguous, the hash chain valid, and replay equal to the stored state, at
 * every step.
 */
describe('history properties on every shipped workflow', () => {
  let db: TestDatabase;
  let ds: DataSource;
  let definitions: Array<{ key: string; events: Record<string, { schema?: Schema }>; inputSchema?: Schema }>;

  beforeAll(async () => {
    db = await createTestDatabase();
    ds = await createDataSource({ url: db.url, poolSize: 4 }).initialize();
    const files = (await readdir('workflows')).filter((f) => f.endsWith('.json'));
    // As the loader publishes them: each document's template inlined from workflows/templates.
    definitions = await Promise.all(files.map(async (f) => (await inlineTemplates(JSON.parse(await readFile(`workflows/${f}`, 'utf8')), 'workflows')) as (typeof definitions)[number]));
    const { definitions: service } = createRuntime(ds, standaloneDocumentEngine(ds));
    for (const d of definitions) await service.publish(d);
  });
  afterAll(async () => {
    await ds.destroy();
    await db.drop();
  });

  it('seq contiguous, chain valid and replay equal to the stored snapshot after every event', async () => {
    expect(definitions.length).toBeGreaterThan(0);
    const runtime = createRuntime(ds, standaloneDocumentEngine(ds));
    const audit = new InstanceAuditService(ds, new InstancesRepository(), new HistoryRepository(), runtime.definitions, runtime.queries, new AuditRepository(), runtime.confidential);
    const actor = { ...SYSTEM_ACTOR, id: 'thu-nghiem', roles: ['admin'] };
    let checked = 0;
    for (const def of definitions) {
      const eventTypes = Object.keys(def.events);
      const steps = fc.array(fc.record({ pick: fc.nat(), payloads: fc.record(Object.fromEntries(eventTypes.map((e) => [e, arbitraryFor(def.events[e].schema)]))) }), {
        minLength: 1,
        maxLength: 8,
      });
      await fc.assert(
        fc.asyncProperty(arbitraryFor(def.inputSchema ?? { type: 'object' }), steps, async (input, plan) => {
          let started;
          try {
            started = await runtime.commands.start({ definitionKey: def.key, input: input as Record<string, unknown> }, { actor });
          } catch (error) {
            if (error instanceof DomainError) return; // input refused: nothing was written
            throw error;
          }
          const id = started.body.id;
          let applied = 1;
          for (const s of plan) {
            const view = await runtime.queries.get(id);
            if (!view.allowedEvents.length) break;
            const type = view.allowedEvents[s.pick % view.allowedEvents.length];
            try {
              await runtime.commands.send(id, { type, payload: s.payloads[type] as Record<string, unknown> | undefined }, { actor });
              applied++;
            } catch (error) {
              if (!(error instanceof DomainError)) throw error; // refused: must change nothing
            }
            const check = await audit.verify(id);
            checked++;
            expect(check).toMatchObject({ ok: true, rows: applied });
          }
        }),
        { numRuns: 25 },
      );
    }
    expect(checked).toBeGreaterThan(25 * definitions.length); // the property was exercised, not vacuously true
  });
});
