import { DynamicModule, Inject, Injectable, Module, OnApplicationBootstrap } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { RATE_LIMITS, RateLimitGuard, type RateLimits } from './common/rate-limit.guard.js';
import { RateCounter } from './common/rate-counter.js';
import { DatabaseModule } from '#libs/persistence';
import { ConfidentialReads, RuntimeModule, WorkflowLoaderService } from '#libs/runtime';
import { SchedulerModule, type SchedulerOptions } from '#libs/scheduler';
import { IdentityModule, type AuthOptions } from '#libs/identity';
import { AuditModule, type SealerOptions } from '#libs/audit';
import { ReportsModule, type PeriodAnchor } from '#libs/reports';
import { ObservabilityModule } from '#libs/observability';
import { DEFAULT_FILES_OPTIONS, FilesModule, type FilesModuleOptions } from '#libs/files';
import { DocumentsModule, type DocumentsOptions } from '#libs/documents';
import { DocumentsApiModule } from './documents/documents.module.js';
import type { MetricsAccess, SsoSettings } from '#libs/config';
import { ReportsApiModule } from './reports/reports.module.js';
import { AuditApiModule } from './audit/audit.module.js';
import { AuthModule } from './auth/auth.module.js';
import { SsoApiModule } from './sso/sso.module.js';
import { CalendarModule } from './calendar/calendar.module.js';
import { TasksModule } from './tasks/tasks.module.js';
import { NotificationsApiModule } from './notifications/notifications.module.js';
import { EmailApiModule } from './email/email.module.js';
import { WebhooksApiModule } from './webhooks/webhooks.module.js';
import { UsersModule } from './users/users.module.js';
import { DefinitionsModule } from './definitions/definitions.module.js';
import { HealthModule } from './health/health.module.js';
import { InstancesModule } from './instances/instances.module.js';
import { FilesApiModule } from './files/files.module.js';

export interface AppOptions {
  databaseUrl: string;
  poolSize: number;
  runMigrations: boolean;
  /** Folder of definitions to publish at boot when new; undefined to skip. */
  workflowsDir?: string;
  /** Queues and, with `runWorker`, the relay, sweep and processors; undefined for an HTTP-only app with no queues. */
  scheduler?: SchedulerOptions;
  auth: AuthOptions;
  /** Single sign-on through OpenID Connect and whether passwords sign in (ssoSettings of the env); absent: passwords only. */
  sso?: SsoSettings;
  /** The ledger sealer (and checkpoints): on in processes with the worker role. */
  sealer?: SealerOptions;
  /** First day of the reporting periods (default 15 December). */
  reportAnchor?: PeriodAnchor;
  /** Per-address limits (0 or absent: none; tests run without unless they test the limits). */
  rateLimits?: RateLimits;
  /**
   * Who may read /metrics; main.ts derives it from the settings (metricsAccess: closed without
   * METRICS_TOKEN outside the embedded default). Absent (tests): loopback callers only; the
   * environment is never read for it later.
   */
  metrics?: MetricsAccess;
  /** Attachments: store, size limit; the cleanup of unbound uploads runs with the worker role. Default: in PostgreSQL, 25 MB. */
  files?: FilesModuleOptions;
  /** Generated documents: where LibreOffice is (found on the PATH by default; null: no PDF renditions). */
  documents?: Partial<DocumentsOptions>;
  /** CONFIDENTIAL_ADMIN_EXEMPT: admins read confidential fields without a mark naming them (each read logged as exempt). Default false. */
  confidentialAdminExempt?: boolean;
}

const APP_OPTIONS = Symbol('APP_OPTIONS');

/** The files settings, with the cleanup of unbound uploads in processes that run the worker role. */
function filesOptions(options: AppOptions): FilesModuleOptions {
  const files = options.files ?? DEFAULT_FILES_OPTIONS;
  return { ...files, cleanup: files.cleanup ?? (options.scheduler?.runWorker ? { intervalMs: 10 * 60_000 } : undefined) };
}

@Injectable()
class ShippedWorkflows implements OnApplicationBootstrap {
  constructor(
    @Inject(APP_OPTIONS) private readonly options: AppOptions,
    private readonly loader: WorkflowLoaderService,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    if (this.options.workflowsDir) await this.loader.loadFolder(this.options.workflowsDir);
  }
}

/** Whether admins are exempt from the confidential fields' marks, set once when the app starts. */
@Injectable()
class ConfidentialSetting implements OnApplicationBootstrap {
  constructor(
    @Inject(APP_OPTIONS) private readonly options: AppOptions,
    private readonly confidential: ConfidentialReads,
  ) {}

  onApplicationBootstrap(): void {
    this.confidential.setAdminExempt(this.options.confidentialAdminExempt ?? false);
  }
}

@Module({})
export class AppModule {
  static forRoot(options: AppOptions): DynamicModule {
    const limits = options.rateLimits;
    const limited = !!limits && (limits.loginPerMinute > 0 || limits.writesPerMinute > 0);
    return {
      module: AppModule,
      imports: [
        DatabaseModule.forRoot({ url: options.databaseUrl, poolSize: options.poolSize, runMigrations: options.runMigrations, applicationName: 'phoihop-api' }),
        RuntimeModule,
        ObservabilityModule,
        IdentityModule.forRoot(options.auth),
        AuditModule.forRoot(options.sealer),
        AuditApiModule,
        AuthModule,
        SsoApiModule.forRoot(options.sso, options.auth.jwtSecret),
        UsersModule,
        TasksModule,
        NotificationsApiModule,
        EmailApiModule,
        WebhooksApiModule.forRoot(options.scheduler?.webhooks),
        HealthModule.forRoot(options.metrics ?? { openOnLoopback: true }),
        DefinitionsModule,
        InstancesModule,
        FilesModule.forRoot(filesOptions(options)),
        FilesApiModule,
        DocumentsApiModule,
        DocumentsModule.forRoot({ ...options.documents, sweep: options.documents?.sweep ?? (options.scheduler?.runWorker ? { intervalMs: 60_000 } : undefined) }),
        CalendarModule,
        ReportsModule.forRoot({ anchor: options.reportAnchor }),
        ReportsApiModule,
        ...(options.scheduler ? [SchedulerModule.forRoot(options.scheduler)] : []),
      ],
      providers: [
        { provide: APP_OPTIONS, useValue: options },
        ShippedWorkflows,
        ConfidentialSetting,
        ...(limited ? [{ provide: RATE_LIMITS, useValue: limits }, RateCounter, { provide: APP_GUARD, useClass: RateLimitGuard }] : []),
      ],
    };
  }
}
