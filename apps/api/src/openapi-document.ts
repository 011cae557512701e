import { NestFactory } from '@nestjs/core';
import { FastifyAdapter } from '@nestjs/platform-fastify';
import type { INestApplication } from '@nestjs/common';
import { DocumentBuilder, SwaggerModule, type OpenAPIObject } from '@nestjs/swagger';
import { AppModule } from './app.module.js';

/** Every route is under this prefix except the probes. */
export const GLOBAL_PREFIX = 'api/v1';
export const PREFIX_EXCLUDE = ['health', 'ready', 'metrics'];

/** The OpenAPI document of an application whose routes are registered (served at /api/docs). */
export function buildOpenApiDocument(app: INestApplication): OpenAPIObject {
  return SwaggerModule.createDocument(
    app,
    new DocumentBuilder()
      .setTitle('Phối Hợp API')
      .setDescription('Workflow engine for the An Phong ward coordination program. Every error answers one shape (ErrorResponseDto); every response carries X-Request-Id.')
      .setVersion('1')
      .addServer('/', 'This server')
      .addBearerAuth({ type: 'http', scheme: 'bearer', bearerFormat: 'JWT or API token', description: 'An access token from POST /api/v1/auth/login, or an API token (php_…)' }, 'bearer')
      .addBearerAuth({ type: 'http', scheme: 'bearer', description: 'METRICS_TOKEN (the embedded default without one: loopback callers need none)' }, 'metrics')
      .build(),
  );
}

/**
 * The document without a database: Nest's preview mode registers modules and controllers but
 * instantiates no provider, which is all the document needs (scripts/openapi.mjs, the type drift check).
 */
export async function standaloneOpenApiDocument(): Promise<OpenAPIObject> {
  const app = await NestFactory.create(
    AppModule.forRoot({ databaseUrl: 'postgres://unused', poolSize: 1, runMigrations: false, auth: { jwtSecret: 'x'.repeat(32), accessTtlSeconds: 900, maxFailures: 5, lockoutWindowMs: 60_000 } }),
    new FastifyAdapter(),
    { preview: true, logger: false, abortOnError: false },
  );
  app.setGlobalPrefix(GLOBAL_PREFIX, { exclude: PREFIX_EXCLUDE });
  try {
    return buildOpenApiDocument(app);
  } finally {
    await app.close();
  }
}
