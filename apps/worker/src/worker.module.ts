import { DynamicModule, Module } from '@nestjs/common';
import { DatabaseModule } from '#libs/persistence';
import { RuntimeModule } from '#libs/runtime';
import { SchedulerModule, type SchedulerOptions } from '#libs/scheduler';
import { AuditModule, type SealerOptions } from '#libs/audit';
import { ObservabilityModule } from '#libs/observability';

/**
 * The background process: the same runtime as the api, without HTTP. Queue processors (timers,
 * outbox relay, schedules) register here; in the embedded default they run inside the api process.
 */
@Module({})
export class WorkerModule {
  static forRoot(options: { databaseUrl: string; poolSize: number; runMigrations: boolean; scheduler: SchedulerOptions; sealer: SealerOptions }): DynamicModule {
    return {
      module: WorkerModule,
      imports: [
        DatabaseModule.forRoot({ url: options.databaseUrl, poolSize: options.poolSize, runMigrations: options.runMigrations, applicationName: 'phoihop-worker' }),
        RuntimeModule,
        ObservabilityModule,
        SchedulerModule.forRoot({ ...options.scheduler, runWorker: true }),
        AuditModule.forRoot(options.sealer),
      ],
    };
  }
}
