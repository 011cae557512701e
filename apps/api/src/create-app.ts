import type { IncomingMessage } from 'node:http';
import { resolve } from 'node:path';
import cookie from '@fastify/cookie';
import { NestFactory } from '@nestjs/core';
import { FastifyAdapter, type NestFastifyApplication } from '@nestjs/platform-fastify';
import { SwaggerModule } from '@nestjs/swagger';
import type { LogLevel } from '@nestjs/common';
import { createLogger, MetricsService } from '#libs/observability';
import { addHttpTelemetry } from './common/http-telemetry.js';
import { AppModule, type AppOptions } from './app.module.js';
import { buildOpenApiDocument, GLOBAL_PREFIX, PREFIX_EXCLUDE } from './openapi-document.js';
import { AllExceptionsFilter } from './common/all-exceptions.filter.js';
import { acceptedRequestId } from './common/request-id.js';
import { refuseUnsafeBody, refuseUnsafeRequest } from './common/request-sanity.js';
import { useBodyParsers, JSON_BODY_LIMIT } from './common/body-parsers.js';
import { serveWebApp } from './common/web-app.js';
import { applyCors, applySecurityHeaders } from './common/security.js';
import { createValidationPipe } from './common/validation.js';

/** Long enough for any id or name in a path; Fastify's default (100) would answer a longer one 404 rather than 400. */
const MAX_PARAM_LENGTH = 4096;

/** The adapter: paths matched case-insensitively and with an optional trailing slash, as the API has always answered them. */
function adapter(trustProxyHops: number | undefined): FastifyAdapter {
  return new FastifyAdapter({
    // The nearest `trustProxyHops` proxies are believed about the client's address (X-Forwarded-For).
    trustProxy: trustProxyHops ? (_address: string, hop: number) => hop < trustProxyHops : false,
    bodyLimit: JSON_BODY_LIMIT,
    // Node's own default, which Fastify would turn off (0): a request still arriving after five
    // minutes (headers trickled in, a stalled upload) is cut off rather than kept open forever.
    requestTimeout: 300_000,
    routerOptions: { caseSensitive: false, ignoreTrailingSlash: true, maxParamLength: MAX_PARAM_LENGTH },
    genReqId: (req: IncomingMessage) => {
      const given = req.headers['x-request-id'];
      return acceptedRequestId(typeof given === 'string' ? given : undefined);
    },
    logger: false,
  });
}

/** Builds the HTTP application exactly as production runs it; tests call this too. */
export async function createApp(
  options: AppOptions & { logLevel?: LogLevel | false; logFormat?: 'pretty' | 'json'; webDir?: string | false; corsOrigins?: string[]; trustProxyHops?: number },
): Promise<NestFastifyApplication> {
  const logger = createLogger(options.logLevel, options.logFormat);
  const app = await NestFactory.create<NestFastifyApplication>(AppModule.forRoot(options), adapter(options.trustProxyHops), {
    logger: logger ?? false,
    bodyParser: false,
    abortOnError: false,
  });
  const fastify = app.getHttpAdapter().getInstance();
  // Declared up front, so that every request object has the same shape.
  fastify.decorateRequest('principal', null);
  fastify.decorateRequest('sessionId', null);
  // Structured logs get one line per request; the human format keeps the console for what matters.
  addHttpTelemetry(fastify, app.get(MetricsService), options.logFormat === 'json' && logger ? logger : undefined);
  // First, so that every answer carries them, a refusal by the hooks after it included.
  applySecurityHeaders(fastify);
  fastify.addHook('onRequest', async (req, reply) => {
    reply.header('X-Request-Id', req.id);
    refuseUnsafeRequest(req);
  });
  fastify.addHook('preValidation', async (req) => refuseUnsafeBody(req.body));
  applyCors(app, options.corsOrigins);
  // Setting cookies only: the few routes that read one read it from the header (session-cookie.ts), not every request.
  await app.register(cookie, { hook: false });
  useBodyParsers(fastify);
  app.setGlobalPrefix(GLOBAL_PREFIX, { exclude: PREFIX_EXCLUDE });
  app.useGlobalPipes(createValidationPipe());
  app.useGlobalFilters(new AllExceptionsFilter());
  const document = buildOpenApiDocument(app);
  SwaggerModule.setup('api/docs', app, document, { jsonDocumentUrl: 'api/docs/openapi.json' });
  // The web app's build (npm run build puts it in dist/web), served at `/`.
  if (options.webDir !== false) serveWebApp(fastify, options.webDir ?? resolve('dist/web'));
  return app;
}
