import { DynamicModule, Module } from '@nestjs/common';
import { DatabaseModule } from '#libs/persistence';
import { RuntimeModule } from '#libs/runtime';
import { SchedulerModule, type SchedulerOptions } from '#libs/scheduler';
import { AuditModule, type SealerOptions } from '#libs/audit';
import { ObservabilityModule } from '#libs/observability';
import { FilesModule, type FilesModuleOptions } from '#libs/files';
import { DocumentsModule, type DocumentsOptions } from '#libs/documents';

/**
 * The background process: the same runtime as the api, without HTTP. Queue processors (timers,
 * outbox relay, schedules) register here; in the embedded default they run inside the api process.
 */
@Module({})
export class WorkerModule {
  static forRoot(options: { databaseUrl: string; poolSize: number; runMigrations: boolean; scheduler: SchedulerOptions; sealer: SealerOptions; files?: FilesModuleOptions; documents?: Partial<DocumentsOptions> }): DynamicModule {
    return {
      module: WorkerModule,
      imports: [
        DatabaseModule.forRoot({ url: options.databaseUrl, poolSize: options.poolSize, runMigrations: options.runMigrations, applicationName: 'phoihop-worker' }),
        RuntimeModule,
        ObservabilityModule,
        SchedulerModule.forRoot({ ...options.scheduler, runWorker: true }),
        AuditModule.forRoot(options.sealer),
        // The worker removes expired unbound uploads, and verifies files for the audit services it hosts.
        ...(options.files ? [FilesModule.forRoot({ ...options.files, cleanup: options.files.cleanup ?? { intervalMs: 10 * 60_000 } })] : []),
        // Deadlines may issue documents too, and the worker retries the PDF renditions left pending.
        ...(options.files ? [DocumentsModule.forRoot({ ...options.documents, sweep: { intervalMs: 60_000 } })] : []),
      ],
    };
  }
}
