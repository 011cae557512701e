export { JsonLogger } from './json-logger.js';
export { MetricsService } from './metrics.service.js';
export { ObservabilityModule } from './observability.module.js';
export { createLogger } from './create-logger.js';
export { bearerMatches } from './bearer.js';
