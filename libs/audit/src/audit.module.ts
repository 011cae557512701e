import { DynamicModule, Module } from '@nestjs/common';
import { RuntimeModule } from '#libs/runtime';
import { AuditSearchService } from './audit-search.service.js';
import { InstanceAuditService } from './instance-audit.service.js';
import { LedgerSealerService, SEALER_OPTIONS, type SealerOptions } from './ledger-sealer.service.js';
import { LedgerService } from './ledger.service.js';

/** What auditors use: verification of chains and ledger, replay to any moment, search and export; with a sealer, the worker's sealing. */
@Module({})
export class AuditModule {
  static forRoot(sealer?: SealerOptions): DynamicModule {
    const providers = [LedgerService, InstanceAuditService, AuditSearchService, ...(sealer ? [{ provide: SEALER_OPTIONS, useValue: sealer }, LedgerSealerService] : [])];
    return {
      module: AuditModule,
      global: true,
      imports: [RuntimeModule],
      providers,
      exports: [LedgerService, InstanceAuditService, AuditSearchService, ...(sealer ? [LedgerSealerService] : [])],
    };
  }
}
