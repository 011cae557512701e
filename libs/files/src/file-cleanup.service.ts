import { Inject, Injectable, Logger, OnApplicationBootstrap, OnModuleDestroy } from '@nestjs/common';
import { FilesService } from './files.service.js';

export const FILE_CLEANUP_OPTIONS = Symbol('FILE_CLEANUP_OPTIONS');

export interface FileCleanupOptions {
  intervalMs: number;
}

/**
 * The worker role's cleanup of unbound uploads (a day old by default) and of what uploads that
 * never finished left in the store (a process that died in the middle of one). Every worker may run it:
 * rows are claimed with SKIP LOCKED and blobs removed under their digest's lock, so two workers
 * never remove the same thing twice nor a blob someone just uploaded again.
 */
@Injectable()
export class FileCleanupService implements OnApplicationBootstrap, OnModuleDestroy {
  private readonly logger = new Logger(FileCleanupService.name);
  private timer?: NodeJS.Timeout;
  private running?: Promise<unknown>;

  constructor(
    private readonly files: FilesService,
    @Inject(FILE_CLEANUP_OPTIONS) private readonly options: FileCleanupOptions,
  ) {}

  onApplicationBootstrap(): void {
    this.timer = setInterval(() => void this.runOnce(), this.options.intervalMs);
    this.timer.unref();
  }

  async runOnce(now?: Date): Promise<{ files: number; blobs: number; leftovers: number } | undefined> {
    if (this.running) return undefined;
    const run = this.files.cleanup(now).catch((error) => {
      this.logger.error(`file cleanup: ${(error as Error).message}`);
      return undefined;
    });
    this.running = run;
    try {
      return await run;
    } finally {
      this.running = undefined;
    }
  }

  async onModuleDestroy(): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    await this.running;
  }
}
