import { DynamicModule, Module } from '@nestjs/common';
import type { MetricsAccess } from '#libs/config';
import { HealthController, METRICS_ACCESS } from './health.controller.js';

@Module({})
export class HealthModule {
  /** `metrics`: who may read /metrics (see metricsAccess in libs/config). */
  static forRoot(metrics: MetricsAccess): DynamicModule {
    return { module: HealthModule, controllers: [HealthController], providers: [{ provide: METRICS_ACCESS, useValue: metrics }] };
  }
}
