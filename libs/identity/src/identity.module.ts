import { DynamicModule, Module } from '@nestjs/common';
import { JwtModule } from '@nestjs/jwt';
import { createSecretKey, type KeyObject } from 'node:crypto';
import { RuntimeModule } from '#libs/runtime';
import { AUTH_OPTIONS, AuthService, type AuthOptions } from './auth.service.js';
import { IdentityService } from './identity.service.js';
import { SeedService } from './seed.service.js';
import { SessionsService } from './sessions.service.js';
import { PrincipalCache } from './principal-cache.js';

@Module({})
export class IdentityModule {
  static forRoot(options: AuthOptions): DynamicModule {
    return {
      module: IdentityModule,
      global: true,
      imports: [RuntimeModule, JwtModule.register({ secret: signingKey(options.jwtSecret), signOptions: { algorithm: 'HS256' }, verifyOptions: { algorithms: ['HS256'] } })],
      providers: [{ provide: AUTH_OPTIONS, useValue: options }, AuthService, IdentityService, SeedService, SessionsService, PrincipalCache],
      exports: [AuthService, IdentityService, SeedService, SessionsService, PrincipalCache],
    };
  }
}

/**
 * The HS256 key, made once. Given the secret as a string, jsonwebtoken 9 first tries to parse it as
 * a PEM public key on every sign and verify, fails, and only then makes a secret key: about 0.6 ms
 * of CPU per request, against 16 µs with a key object (docs/benchmarks.md, "Profile of the HTTP path").
 */
function signingKey(secret: string): KeyObject {
  return createSecretKey(Buffer.from(secret, 'utf8'));
}
