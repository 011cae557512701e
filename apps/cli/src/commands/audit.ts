import { readFile } from 'node:fs/promises';
import { AuditSearchService, checkpointSignatureOk, LedgerService, type Checkpoint } from '#libs/audit';
import { createRuntime } from '#libs/runtime';
import { AuditRepository, createDataSource, HistorySearchRepository } from '#libs/persistence';
import { EXIT, group, run, UsageError, type Parsed } from '../cli.js';
import { withDatabase } from '../database.js';
import { audit as spec } from '../specs.js';

/** `phoihop audit …`: verify the ledger (against a signed checkpoint kept elsewhere), or export history with progress. */
export async function audit(args: string[]): Promise<number> {
  return group(spec, args, {
    verify: (rest) => run(spec.commands.verify, rest, verify),
    export: (rest) => run(spec.commands.export, rest, exportHistory),
  });
}

async function verify({ values }: Parsed<typeof spec.commands.verify.options>): Promise<number> {
  const file = values.checkpoint;
  const pinned = values['public-key'];
  if (pinned !== undefined && file === undefined) throw new UsageError('--public-key goes with --checkpoint FILE');
  let checkpoint: Checkpoint | undefined;
  if (file !== undefined) {
    checkpoint = JSON.parse(await readFile(file, 'utf8')) as Checkpoint;
    if (!checkpointSignatureOk(checkpoint, pinned !== undefined ? await readFile(pinned, 'utf8') : undefined)) {
      console.log(`✗ the checkpoint's signature does not verify${pinned !== undefined ? ' with the pinned key' : ''}`);
      return EXIT.failed;
    }
  }
  const digest = values.digest === undefined ? undefined : parseDigest(values.digest);
  return withDatabase((url) => verifyLedger(url, checkpoint, digest));
}

/** `<gseq>:<chain hash>` as printed (ledgerDigest), the hash possibly cut short but never below 16 hex characters (64 bits). */
function parseDigest(text: string): { gseq: string; hashPrefix: string } {
  const m = /^\s*(\d{1,19}):([0-9a-f]{16,64})\s*$/i.exec(text);
  if (!m) throw new UsageError(`--digest must be the ledger digest as printed, GSEQ:HASH (e.g. 1234:9f2c…, at least 16 hex characters of the hash), not "${text}"`);
  return { gseq: m[1], hashPrefix: m[2].toLowerCase() };
}

/** Re-walks the ledger of the database at `url` (and checks it against a checkpoint); prints the outcome, returns the exit code. */
export async function verifyLedger(url: string, checkpoint?: Checkpoint, digest?: { gseq: string; hashPrefix: string }): Promise<number> {
  const ds = await createDataSource({ url, poolSize: 2, applicationName: 'phoihop-cli' }).initialize();
  try {
    const repository = new AuditRepository();
    const ledger = new LedgerService(ds, repository);
    const result = await ledger.verify();
    if (!result.ok) {
      console.log(`✗ ledger broken at gseq ${result.broken!.gseq} (${result.broken!.kind}${result.broken!.instanceId ? `, instance ${result.broken!.instanceId} seq ${result.broken!.seq}` : ''}): ${result.broken!.reason}`);
      return EXIT.failed;
    }
    console.log(`✓ ledger: ${result.checked} entries, chain intact, head ${result.head ?? '(empty)'}`);
    if (checkpoint) {
      const chainHash = await repository.ledgerChainHashAt(ds.manager, checkpoint.gseq);
      if (chainHash === undefined) {
        console.log(`✗ the checkpoint's entry ${checkpoint.gseq} is not in the ledger (entries were removed)`);
        return EXIT.failed;
      }
      if (chainHash !== checkpoint.chainHash) {
        console.log(`✗ the ledger at ${checkpoint.gseq} differs from the checkpoint of ${checkpoint.at}: the history before it was rewritten`);
        return EXIT.failed;
      }
      console.log(`✓ checkpoint of ${checkpoint.at} (entry ${checkpoint.gseq}) matches the ledger`);
    }
    if (digest) {
      const chainHash = await repository.ledgerChainHashAt(ds.manager, digest.gseq);
      if (chainHash === undefined) {
        console.log(`✗ the digest's entry ${digest.gseq} is not in the ledger (entries were removed, or the digest is from another database)`);
        return EXIT.failed;
      }
      if (!chainHash.startsWith(digest.hashPrefix)) {
        console.log(`✗ the ledger at ${digest.gseq} differs from the digest kept with the papers: the history before it was rewritten`);
        return EXIT.failed;
      }
      console.log(`✓ the digest ${digest.gseq}:${digest.hashPrefix.slice(0, 16)}… matches the ledger`);
    }
    return EXIT.ok;
  } finally {
    await ds.destroy();
  }
}

async function exportHistory({ values }: Parsed<typeof spec.commands.export.options>): Promise<number> {
  const format = (values.format ?? 'ndjson') as 'ndjson' | 'csv';
  const date = (name: 'from' | 'to') => {
    const v = values[name];
    if (v === undefined) return undefined;
    const at = new Date(v);
    if (Number.isNaN(at.getTime())) throw new UsageError(`--${name} must be a date or a time (ISO 8601, e.g. 2026-01-31 or 2026-01-31T08:00:00+07:00), not "${v}"`);
    return at;
  };
  const filter = {
    definitionKey: values['definition-key'],
    eventType: values['event-type'],
    actor: values.actor,
    businessKey: values['business-key'],
    from: date('from'),
    to: date('to'),
  };
  return withDatabase(async (url) => {
    const ds = await createDataSource({ url, poolSize: 2, applicationName: 'phoihop-cli' }).initialize();
    try {
      const search = new AuditSearchService(ds, new AuditRepository(), new HistorySearchRepository(), createRuntime(ds).confidential);
      const started = Date.now();
      const total = await search.export(
        filter,
        format,
        process.stdout,
        (n) => {
          if (process.stderr.isTTY) process.stderr.write(`\r${n.toLocaleString('en-US')} rows exported…`);
          else if (n % 100_000 === 0) process.stderr.write(`${n.toLocaleString('en-US')} rows exported\n`);
        },
      );
      process.stderr.write(`${process.stderr.isTTY ? '\r' : ''}${total.toLocaleString('en-US')} rows exported in ${((Date.now() - started) / 1000).toFixed(1)} s\n`);
      return EXIT.ok;
    } finally {
      await ds.destroy();
    }
  });
}
