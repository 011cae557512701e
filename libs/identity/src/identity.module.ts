import { DynamicModule, Module } from '@nestjs/common';
import { JwtModule } from '@nestjs/jwt';
import { RuntimeModule } from '#libs/runtime';
import { AUTH_OPTIONS, AuthService, type AuthOptions } from './auth.service.js';
import { IdentityService } from './identity.service.js';
import { SeedService } from './seed.service.js';
import { SessionsService } from './sessions.service.js';

@Module({})
export class IdentityModule {
  static forRoot(options: AuthOptions): DynamicModule {
    return {
      module: IdentityModule,
      global: true,
      imports: [RuntimeModule, JwtModule.register({ secret: options.jwtSecret, signOptions: { algorithm: 'HS256' }, verifyOptions: { algorithms: ['HS256'] } })],
      providers: [{ provide: AUTH_OPTIONS, useValue: options }, AuthService, IdentityService, SeedService, SessionsService],
      exports: [AuthService, IdentityService, SeedService, SessionsService],
    };
  }
}
