import { DynamicModule, Module } from '@nestjs/common';
import { NO_SSO, SSO_SETTINGS, type SsoSettings } from '#libs/config';
import { roleProblem } from '../reserved.js';
import { OidcClient } from './oidc-client.service.js';
import { SsoAccounts } from './sso-accounts.service.js';

/** A group map that grants an engine role is a mistake to refuse at boot, not at someone's sign-in. */
function checkGroupMap(settings: SsoSettings): void {
  for (const [group, grants] of settings.oidc?.groupMap ?? []) {
    for (const { role } of grants) {
      const problem = roleProblem(role);
      if (problem) throw new Error(`OIDC_GROUP_MAP: the role "${role}" of group "${group}" ${problem}`);
    }
  }
}

/** Single sign-on through OpenID Connect (docs/security.md, "Single sign-on"); the settings are global so that the password route can read them. */
@Module({})
export class OidcModule {
  static forRoot(settings: SsoSettings = NO_SSO): DynamicModule {
    checkGroupMap(settings);
    return {
      module: OidcModule,
      global: true,
      providers: [{ provide: SSO_SETTINGS, useValue: settings }, OidcClient, SsoAccounts],
      exports: [SSO_SETTINGS, OidcClient, SsoAccounts],
    };
  }
}
