import { Global, Module } from '@nestjs/common';
import { RuntimeModule } from '#libs/runtime';
import { MetricsService } from './metrics.service.js';

/** Metrics of this process (api or worker). */
@Global()
@Module({ imports: [RuntimeModule], providers: [MetricsService], exports: [MetricsService] })
export class ObservabilityModule {}
