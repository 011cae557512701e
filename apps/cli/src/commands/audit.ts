import { readFile } from 'node:fs/promises';
import { AuditSearchService, checkpointSignatureOk, LedgerService, type Checkpoint } from '#libs/audit';
import { AuditRepository, createDataSource, HistorySearchRepository } from '#libs/persistence';
import { withDatabase } from '../database.js';

function option(args: string[], name: string): string | undefined {
  const i = args.indexOf(`--${name}`);
  return i >= 0 ? args[i + 1] : undefined;
}

const USAGE = `usage: phoihop audit verify [--checkpoint FILE [--public-key PEM_FILE]]
       phoihop audit export [--format ndjson|csv] [--definition-key K] [--event-type T] [--actor U] [--business-key B] [--from ISO] [--to ISO] > FILE`;

/** `phoihop audit …`: verify the ledger (against a signed checkpoint kept elsewhere), or export history with progress. */
export async function audit(args: string[]): Promise<number> {
  const [sub, ...rest] = args;
  if (sub === 'verify') return verify(rest);
  if (sub === 'export') return exportHistory(rest);
  console.error(USAGE);
  return 2;
}

async function verify(args: string[]): Promise<number> {
  const file = option(args, 'checkpoint');
  let checkpoint: Checkpoint | undefined;
  if (file) {
    checkpoint = JSON.parse(await readFile(file, 'utf8')) as Checkpoint;
    const pinned = option(args, 'public-key');
    if (!checkpointSignatureOk(checkpoint, pinned ? await readFile(pinned, 'utf8') : undefined)) {
      console.log(`✗ the checkpoint's signature does not verify${pinned ? ' with the pinned key' : ''}`);
      return 1;
    }
  }
  return withDatabase((url) => verifyLedger(url, checkpoint));
}

/** Re-walks the ledger of the database at `url` (and checks it against a checkpoint); prints the outcome, returns the exit code. */
export async function verifyLedger(url: string, checkpoint?: Checkpoint): Promise<number> {
  const ds = await createDataSource({ url, poolSize: 2, applicationName: 'phoihop-cli' }).initialize();
  try {
    const repository = new AuditRepository();
    const ledger = new LedgerService(ds, repository);
    const result = await ledger.verify();
    if (!result.ok) {
      console.log(`✗ ledger broken at gseq ${result.broken!.gseq} (${result.broken!.kind}${result.broken!.instanceId ? `, instance ${result.broken!.instanceId} seq ${result.broken!.seq}` : ''}): ${result.broken!.reason}`);
      return 1;
    }
    console.log(`✓ ledger: ${result.checked} entries, chain intact, head ${result.head ?? '(empty)'}`);
    if (checkpoint) {
      const chainHash = await repository.ledgerChainHashAt(ds.manager, checkpoint.gseq);
      if (chainHash === undefined) {
        console.log(`✗ the checkpoint's entry ${checkpoint.gseq} is not in the ledger (entries were removed)`);
        return 1;
      }
      if (chainHash !== checkpoint.chainHash) {
        console.log(`✗ the ledger at ${checkpoint.gseq} differs from the checkpoint of ${checkpoint.at}: the history before it was rewritten`);
        return 1;
      }
      console.log(`✓ checkpoint of ${checkpoint.at} (entry ${checkpoint.gseq}) matches the ledger`);
    }
    return 0;
  } finally {
    await ds.destroy();
  }
}

async function exportHistory(args: string[]): Promise<number> {
  const format = (option(args, 'format') ?? 'ndjson') as 'ndjson' | 'csv';
  if (format !== 'ndjson' && format !== 'csv') {
    console.error(USAGE);
    return 2;
  }
  const date = (name: string) => {
    const v = option(args, name);
    return v ? new Date(v) : undefined;
  };
  return withDatabase(async (url) => {
    const ds = await createDataSource({ url, poolSize: 2, applicationName: 'phoihop-cli' }).initialize();
    try {
      const search = new AuditSearchService(ds, new AuditRepository(), new HistorySearchRepository());
      const started = Date.now();
      const total = await search.export(
        {
          definitionKey: option(args, 'definition-key'),
          eventType: option(args, 'event-type'),
          actor: option(args, 'actor'),
          businessKey: option(args, 'business-key'),
          from: date('from'),
          to: date('to'),
        },
        format,
        process.stdout,
        (n) => {
          if (process.stderr.isTTY) process.stderr.write(`\r${n.toLocaleString('en-US')} rows exported…`);
          else if (n % 100_000 === 0) process.stderr.write(`${n.toLocaleString('en-US')} rows exported\n`);
        },
      );
      process.stderr.write(`${process.stderr.isTTY ? '\r' : ''}${total.toLocaleString('en-US')} rows exported in ${((Date.now() - started) / 1000).toFixed(1)} s\n`);
      return 0;
    } finally {
      await ds.destroy();
    }
  });
}
