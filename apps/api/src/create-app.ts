import { resolve } from 'node:path';
import { NestFactory } from '@nestjs/core';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { SwaggerModule } from '@nestjs/swagger';
import type { LogLevel } from '@nestjs/common';
import { createLogger, MetricsService } from '#libs/observability';
import { httpTelemetry } from './common/http-telemetry.middleware.js';
import { AppModule, type AppOptions } from './app.module.js';
import { buildOpenApiDocument, GLOBAL_PREFIX, PREFIX_EXCLUDE } from './openapi-document.js';
import { AllExceptionsFilter } from './common/all-exceptions.filter.js';
import { requestId } from './common/request-id.middleware.js';
import { sanitizeRequest } from './common/request-sanity.middleware.js';
import { serveWebApp } from './common/web-app.js';
import { applyCors, applySecurityHeaders } from './common/security.js';
import { createValidationPipe } from './common/validation.js';

/** Builds the HTTP application exactly as production runs it; tests call this too. */
export async function createApp(
  options: AppOptions & { logLevel?: LogLevel | false; logFormat?: 'pretty' | 'json'; webDir?: string | false; corsOrigins?: string[]; trustProxyHops?: number },
): Promise<NestExpressApplication> {
  const logger = createLogger(options.logLevel, options.logFormat);
  const app = await NestFactory.create<NestExpressApplication>(AppModule.forRoot(options), { logger: logger ?? false, bodyParser: false, abortOnError: false });
  // Structured logs get one line per request; the human format keeps the console for what matters.
  app.use(httpTelemetry(app.get(MetricsService), options.logFormat === 'json' && logger ? logger : undefined));
  if (options.trustProxyHops) app.set('trust proxy', options.trustProxyHops);
  applySecurityHeaders(app);
  applyCors(app, options.corsOrigins);
  app.useBodyParser('json', { limit: '1mb', strict: true });
  app.use(sanitizeRequest);
  app.use(requestId);
  app.disable('x-powered-by');
  app.setGlobalPrefix(GLOBAL_PREFIX, { exclude: PREFIX_EXCLUDE });
  app.useGlobalPipes(createValidationPipe());
  app.useGlobalFilters(new AllExceptionsFilter());
  const document = buildOpenApiDocument(app);
  SwaggerModule.setup('api/docs', app, document, { jsonDocumentUrl: 'api/docs/openapi.json' });
  // The web app's build (npm run build puts it in dist/web), served at `/`.
  if (options.webDir !== false) serveWebApp(app, options.webDir ?? resolve('dist/web'));
  return app;
}
