import { Global, Module } from '@nestjs/common';
import { AuditTrail } from './audit-trail.js';

/** What every capability shares: the audit trail (errors and the principal are plain code). */
@Global()
@Module({ providers: [AuditTrail], exports: [AuditTrail] })
export class CoreModule {}
