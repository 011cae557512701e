import { Controller, Get, Header, Headers, Res, ServiceUnavailableException, UnauthorizedException } from '@nestjs/common';
import type { Response } from 'express';
import { ModuleRef } from '@nestjs/core';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { timingSafeEqual } from 'node:crypto';
import { MetricsService } from '#libs/observability';
import { optionalQueues } from '#libs/scheduler';
import { DataSource } from 'typeorm';
import { Public } from '../auth/auth.decorators.js';

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

@ApiTags('health')
@Public()
@Controller()
export class HealthController {
  private readonly startedAt = Date.now();

  constructor(
    private readonly dataSource: DataSource,
    private readonly moduleRef: ModuleRef,
    private readonly metricsService: MetricsService,
  ) {}

  @Get('health')
  @ApiOperation({ summary: 'Liveness: the process answers (the database is reported, not required)' })
  async health() {
    return { status: 'ok', uptimeSeconds: Math.round((Date.now() - this.startedAt) / 1000), database: await probe(() => this.dataSource.query('SELECT 1')) };
  }

  @Get('ready')
  @ApiOperation({ summary: 'Readiness: 200 when the database and the queues answer, 503 otherwise' })
  async ready() {
    const queues = optionalQueues(this.moduleRef);
    const checks = {
      database: await probe(() => this.dataSource.query('SELECT 1')),
      ...(queues ? { queues: await probe(() => queues.ping()) } : {}),
    };
    const ready = Object.values(checks).every((c) => c.status === 'up');
    if (!ready) throw new ServiceUnavailableException({ message: 'not ready', checks });
    return { status: 'ready', checks };
  }

  @Get('metrics')
  @Header('Cache-Control', 'no-store')
  @ApiOperation({ summary: 'Prometheus metrics (METRICS_TOKEN, when set, is required as a bearer token)' })
  async metrics(@Headers('authorization') authorization: string | undefined, @Res() res: Response) {
    const token = process.env.METRICS_TOKEN;
    if (token) {
      const given = Buffer.from(authorization?.replace(/^Bearer\s+/i, '') ?? '');
      const expected = Buffer.from(token);
      if (given.length !== expected.length || !timingSafeEqual(given, expected)) throw new UnauthorizedException('metrics need the METRICS_TOKEN bearer token');
    }
    res.status(200).type(this.metricsService.contentType).send(await this.metricsService.metrics());
  }

}
