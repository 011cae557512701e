import { DynamicModule, Module } from '@nestjs/common';
import { NO_SSO, type SsoSettings } from '#libs/config';
import { OidcModule, pendingKey } from '#libs/identity';
import { LocalPasswordsGuard } from './local-passwords.guard.js';
import { SsoController } from './sso.controller.js';
import { SSO_COOKIE_KEY } from './sso-cookie-key.js';

/** Sign-in through the city's OpenID Connect provider, and the sign-in methods the login page offers. */
@Module({})
export class SsoApiModule {
  static forRoot(settings: SsoSettings | undefined, secret: string): DynamicModule {
    return {
      module: SsoApiModule,
      imports: [OidcModule.forRoot(settings ?? NO_SSO)],
      controllers: [SsoController],
      providers: [{ provide: SSO_COOKIE_KEY, useValue: pendingKey(secret) }, LocalPasswordsGuard],
    };
  }
}
