import { Inject, Injectable, Logger, OnApplicationBootstrap, OnModuleDestroy } from '@nestjs/common';
import { mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { newSigningKey, signCheckpoint } from './checkpoint.js';
import { LedgerService } from './ledger.service.js';

export interface SealerOptions {
  intervalMs: number;
  /** Folder for signed checkpoints (`checkpoint-latest.json` and one per head); none written when absent. */
  checkpointDir?: string;
  /** PEM file of the Ed25519 signing key; created there on first use. */
  signingKeyFile?: string;
}
export const SEALER_OPTIONS = Symbol('SEALER_OPTIONS');

/** The worker role's part in auditing: seal the ledger every interval and write a signed checkpoint of its head. */
@Injectable()
export class LedgerSealerService implements OnApplicationBootstrap, OnModuleDestroy {
  private readonly logger = new Logger(LedgerSealerService.name);
  private timer?: NodeJS.Timeout;
  private running?: Promise<unknown>;
  private lastCheckpoint?: string;

  constructor(
    private readonly ledger: LedgerService,
    @Inject(SEALER_OPTIONS) private readonly options: SealerOptions,
  ) {}

  onApplicationBootstrap(): void {
    const tick = () => {
      this.running ??= this.sealAndCheckpoint()
        .catch((error) => this.logger.error(`ledger seal: ${(error as Error).message}`))
        .finally(() => (this.running = undefined));
    };
    this.timer = setInterval(tick, this.options.intervalMs);
    this.timer.unref();
  }

  async onModuleDestroy(): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    await this.running;
  }

  async sealAndCheckpoint(): Promise<void> {
    await this.ledger.seal();
    if (!this.options.checkpointDir) return;
    const head = await this.ledger.head();
    if (!head || head.gseq === this.lastCheckpoint) return;
    const keyFile = this.options.signingKeyFile ?? join(this.options.checkpointDir, 'signing-key.pem');
    let pem = await readFile(keyFile, 'utf8').catch(() => undefined);
    if (!pem) {
      pem = newSigningKey();
      await mkdir(dirname(keyFile), { recursive: true });
      await writeFile(keyFile, pem, { mode: 0o600 });
    }
    const checkpoint = signCheckpoint(head, pem);
    await this.ledger.recordCheckpoint(checkpoint);
    await mkdir(this.options.checkpointDir, { recursive: true });
    const latest = join(this.options.checkpointDir, 'checkpoint-latest.json');
    await writeFile(join(this.options.checkpointDir, `checkpoint-${head.gseq}.json`), JSON.stringify(checkpoint, null, 2));
    await writeFile(latest + '.tmp', JSON.stringify(checkpoint, null, 2));
    await rename(latest + '.tmp', latest);
    this.lastCheckpoint = head.gseq;
  }
}
