import { Global, Module } from '@nestjs/common';
import { RuntimeModule } from '#libs/runtime';
import { DatabaseFigures } from './database-figures.js';
import { MetricsService } from './metrics.service.js';

/** Metrics of this process (api or worker). */
@Global()
@Module({ imports: [RuntimeModule], providers: [DatabaseFigures, MetricsService], exports: [MetricsService] })
export class ObservabilityModule {}
