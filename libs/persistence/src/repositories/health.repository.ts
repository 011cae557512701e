import { Injectable } from '@nestjs/common';
import type { Tx } from '../database.js';

/** The probes of /health and /ready. */
@Injectable()
export class HealthRepository {
  /** One round trip to the database (rejects when it does not answer). */
  async ping(tx: Tx): Promise<void> {
    await tx.query('SELECT 1');
  }
}
