import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { type ArgumentsHost, Logger, ServiceUnavailableException } from '@nestjs/common';
import type { ModuleRef } from '@nestjs/core';
import type { Database, HealthRepository } from '#libs/persistence';
import type { MetricsService } from '#libs/observability';
import { AllExceptionsFilter } from '../common/all-exceptions.filter.js';
import type { ErrorBody } from '../common/error-response.js';
import { HealthController } from './health.controller.js';

/** What the filter answers for `exception`: status and body, as the client sees them. */
function answer(exception: unknown): { status: number; body: ErrorBody } {
  const sent: { status?: number; body?: ErrorBody } = {};
  const response = {
    sent: false,
    raw: { headersSent: false },
    code(status: number) {
      sent.status = status;
      return this;
    },
    header() {
      return this;
    },
    send(body: string) {
      sent.body = JSON.parse(body) as ErrorBody;
      return this;
    },
  };
  const request = { id: 'req-1', method: 'GET', url: '/ready' };
  const host = { switchToHttp: () => ({ getResponse: () => response, getRequest: () => request }) } as unknown as ArgumentsHost;
  new AllExceptionsFilter().catch(exception, host);
  return { status: sent.status!, body: sent.body! };
}

describe('/ready when a dependency is down', () => {
  beforeAll(() => Logger.overrideLogger(false)); // the filter's one-line warnings are expected here
  afterAll(() => Logger.overrideLogger(['log', 'error', 'warn', 'debug', 'verbose']));
  const database = { manager: {} } as Database;
  const noQueues = { get: () => { throw new Error('no queues'); } } as unknown as ModuleRef;
  const down = { ping: () => Promise.reject(new Error('connect ECONNREFUSED 127.0.0.1:5432')) } as unknown as HealthRepository;

  it('answers 503 with the checks in the error body’s details', async () => {
    const controller = new HealthController(database, down, noQueues, {} as MetricsService, { openOnLoopback: false });
    const failure = await controller.ready().then(
      () => undefined,
      (error: unknown) => error,
    );
    const { status, body } = answer(failure);
    expect(status).toBe(503);
    expect(body).toMatchObject({ statusCode: 503, code: 'DEPENDENCY_UNAVAILABLE', message: 'not ready: database down', requestId: 'req-1' });
    expect(body.details).toEqual({ checks: { database: { status: 'down', latencyMs: expect.any(Number), error: 'connect ECONNREFUSED 127.0.0.1:5432' } } });
  });

  it('keeps what any HttpException adds besides Nest’s own fields', () => {
    const { status, body } = answer(new ServiceUnavailableException({ message: 'not ready', checks: { queues: { status: 'down' } } }));
    expect(status).toBe(503);
    expect(body).toMatchObject({ message: 'not ready', details: { checks: { queues: { status: 'down' } } } });
    expect(answer(new ServiceUnavailableException('plain')).body.details).toBeUndefined();
  });
});
