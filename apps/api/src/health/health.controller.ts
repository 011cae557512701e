import { Controller, Get, Inject, Req, Res } from '@nestjs/common';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { ModuleRef } from '@nestjs/core';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { MetricsAccess } from '#libs/config';
import { bearerMatches, MetricsService } from '#libs/observability';
import { DomainError, ErrorCode } from '#libs/core';
import { optionalQueues } from '#libs/scheduler';
import { Database, HealthRepository } from '#libs/persistence';
import { Public } from '../auth/auth.decorators.js';
import { ApiErrors, ApiJson, ApiMedia } from '../common/openapi.js';
import { HealthDto, ReadinessDto } from './dto/health.dto.js';

/** Resolves with `work`, or rejects after `ms` (a dependency that hangs is as down as one that refuses). */
function within<T>(work: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout;
  const timeout = new Promise<never>((_, reject) => (timer = setTimeout(() => reject(new Error(`no answer within ${ms} ms`)), ms)));
  return Promise.race([work, timeout]).finally(() => clearTimeout(timer));
}

async function probe(work: () => Promise<unknown>): Promise<{ status: 'up' | 'down'; latencyMs: number; error?: string }> {
  const started = performance.now();
  try {
    await within(work(), 2000);
    return { status: 'up', latencyMs: Math.round((performance.now() - started) * 10) / 10 };
  } catch (error) {
    return { status: 'down', latencyMs: Math.round(performance.now() - started), error: (error as Error).message.slice(0, 200) };
  }
}

export const METRICS_ACCESS = Symbol('METRICS_ACCESS');

const LOOPBACK = new Set(['127.0.0.1', '::1', '::ffff:127.0.0.1']);

/**
 * A caller on this machine, talking to the process directly: the socket's address (never
 * X-Forwarded-For, which the caller writes), and no proxy in between (a reverse proxy on the same
 * machine connects from loopback on behalf of anyone).
 */
function directLoopback(req: FastifyRequest): boolean {
  return LOOPBACK.has(req.socket.remoteAddress ?? '') && req.headers['x-forwarded-for'] === undefined && req.headers['forwarded'] === undefined;
}

@ApiTags('health')
@Public()
@Controller()
export class HealthController {
  private readonly startedAt = Date.now();

  constructor(
    private readonly database: Database,
    private readonly probes: HealthRepository,
    private readonly moduleRef: ModuleRef,
    private readonly metricsService: MetricsService,
    @Inject(METRICS_ACCESS) private readonly metricsAccess: MetricsAccess,
  ) {}

  @ApiJson(HealthDto, { description: 'The process answers; the database probe is reported' })
  @ApiErrors(400)
  @Get('health')
  @ApiOperation({ summary: 'Liveness: the process answers (the database is reported, not required)', security: [] })
  async health() {
    return { status: 'ok', uptimeSeconds: Math.round((Date.now() - this.startedAt) / 1000), database: await probe(() => this.probes.ping(this.database.manager)) };
  }

  @ApiJson(ReadinessDto, { description: 'Ready' })
  @ApiErrors(400, 503)
  @Get('ready')
  @ApiOperation({ summary: 'Readiness: 200 when the database and the queues answer, 503 otherwise', security: [] })
  async ready() {
    const queues = optionalQueues(this.moduleRef);
    const checks = {
      database: await probe(() => this.probes.ping(this.database.manager)),
      ...(queues ? { queues: await probe(() => queues.ping()) } : {}),
    };
    const ready = Object.values(checks).every((c) => c.status === 'up');
    if (!ready) {
      const down = Object.entries(checks).filter(([, c]) => c.status === 'down').map(([name]) => name);
      throw new DomainError(ErrorCode.DependencyUnavailable, `not ready: ${down.join(' and ')} down`, { checks });
    }
    return { status: 'ready', checks };
  }

  @ApiBearerAuth('metrics')
  @ApiMedia({ 'text/plain': { type: 'string', description: 'Prometheus text exposition format (version 0.0.4)' } }, { description: 'The metrics' })
  @ApiErrors(400, 401)
  @Get('metrics')
  @ApiOperation({ summary: 'Prometheus metrics: METRICS_TOKEN as a bearer token (the embedded default without one: loopback callers only)' })
  async metrics(@Req() req: FastifyRequest, @Res() res: FastifyReply) {
    // From the validated settings only (main.ts: metricsAccess(env)); an app built without them is open to loopback.
    const token = this.metricsAccess.token;
    const allowed = token ? bearerMatches(req.headers.authorization, token) : this.metricsAccess.openOnLoopback && directLoopback(req);
    if (!allowed) {
      throw new DomainError(
        ErrorCode.Unauthenticated,
        token ? 'metrics need the METRICS_TOKEN bearer token' : 'metrics need a METRICS_TOKEN: set one and send it as a bearer token',
        {},
      );
    }
    await res.code(200).type(this.metricsService.contentType).header('Cache-Control', 'no-store').send(await this.metricsService.metrics());
  }
}
