import { CanActivate, Inject, Injectable } from '@nestjs/common';
import { SSO_SETTINGS, type SsoSettings } from '#libs/config';
import { DomainError, ErrorCode } from '#libs/core';

/** With LOCAL_PASSWORDS=off a password proves nothing here: people sign in at the city's provider only. */
@Injectable()
export class LocalPasswordsGuard implements CanActivate {
  constructor(@Inject(SSO_SETTINGS) private readonly sso: SsoSettings) {}

  canActivate(): boolean {
    if (this.sso.localPasswords) return true;
    throw new DomainError(ErrorCode.Forbidden, 'Signing in with a password is switched off here (LOCAL_PASSWORDS=off): sign in through the city’s identity provider', {
      reason: 'local_passwords_off',
    });
  }
}
