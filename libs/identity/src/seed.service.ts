import { Injectable, Logger } from '@nestjs/common';
import { randomBytes } from 'node:crypto';
import { readFile, writeFile } from 'node:fs/promises';
import { DefinitionsService } from '#libs/runtime';
import { ADMIN, AUDITOR } from '#libs/core';
import { IdentityService } from './identity.service.js';

export interface WardSeed {
  units: Array<{ key: string; name: { vi: string; en: string }; parentKey: string | null }>;
  roleUnits: Record<string, string>;
  defaultUnit: string;
}

export interface DemoSeedResult {
  created: string[];
  password: string;
  credentialsFile: string;
}

/**
 * The ward's org units, and on the embedded default one demo account per role: `admin`, `auditor`,
 * and each workflow role named by a published definition (username = the role's key), in the unit
 * `roleUnits` gives it. Accounts that exist are left alone, so this runs at every start.
 */
@Injectable()
export class SeedService {
  private readonly logger = new Logger(SeedService.name);

  constructor(
    private readonly identity: IdentityService,
    private readonly definitions: DefinitionsService,
  ) {}

  async seedUnits(seed: WardSeed): Promise<void> {
    for (const unit of seed.units) await this.identity.upsertUnit(unit);
  }

  async seedDemoUsers(seed: WardSeed, options: { password?: string; credentialsFile: string }): Promise<DemoSeedResult> {
    const remembered = await readFile(options.credentialsFile, 'utf8').then(
      (text) => /^password: (.+)$/m.exec(text)?.[1],
      () => undefined,
    );
    const password = options.password ?? remembered ?? `${randomBytes(9).toString('base64url')}7a`;
    const roles = new Map<string, string>([
      [ADMIN, 'Quản trị hệ thống'],
      [AUDITOR, 'Kiểm tra, giám sát'],
    ]);
    for (const d of await this.definitions.listLatestPublished()) {
      const { workflow } = await this.definitions.byId(d.id);
      for (const [role, label] of Object.entries(workflow.definition.roles ?? {})) if (!roles.has(role)) roles.set(role, label.vi);
    }
    const created: string[] = [];
    for (const [role, label] of roles) {
      if (await this.identity.findByUsername(role)) continue;
      await this.identity.createUser({
        username: role,
        displayName: `${label} (tài khoản thử nghiệm)`,
        password,
        memberships: [{ role, unit: seed.roleUnits[role] ?? seed.defaultUnit }],
      });
      created.push(role);
    }
    if (created.length || !remembered) {
      const lines = [
        '# Phối Hợp demo accounts (embedded default only). Username = role key.',
        `password: ${password}`,
        ...[...roles.keys()].map((r) => `user: ${r}`),
        '',
      ];
      await writeFile(options.credentialsFile, lines.join('\n'), { mode: 0o600 });
    }
    if (created.length) {
      this.logger.log(`demo accounts created: ${created.join(', ')} (their password is in ${options.credentialsFile})`);
      // Shown once, on the console and not through the logger (whose lines are redacted and collected):
      // the embedded default is a machine's own demo, and its user needs the password to sign in.
      if (!options.password) process.stdout.write(`\n  Demo accounts' password (shown once): ${password}\n\n`);
    }
    return { created, password, credentialsFile: options.credentialsFile };
  }
}
