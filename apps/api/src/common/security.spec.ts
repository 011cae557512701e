import { describe, expect, it } from '@jest/globals';
import { securityHeaders } from './security.js';

describe('securityHeaders', () => {
  it('computes helmet’s headers once, with the web app’s policy', () => {
    const headers = securityHeaders();
    expect(headers['Content-Security-Policy']).toBe(
      "default-src 'self';script-src 'self';style-src 'self' 'unsafe-inline';img-src 'self' data:;font-src 'self' data:;connect-src 'self';object-src 'none';base-uri 'self';form-action 'self';frame-ancestors 'none'",
    );
    expect(headers).toMatchObject({
      'Strict-Transport-Security': 'max-age=15552000; includeSubDomains',
      'Referrer-Policy': 'no-referrer',
      'X-Content-Type-Options': 'nosniff',
      'X-Frame-Options': 'SAMEORIGIN',
      'Cross-Origin-Opener-Policy': 'same-origin',
    });
    expect(headers).not.toHaveProperty('Cross-Origin-Embedder-Policy');
    expect(Object.keys(headers).some((name) => name.toLowerCase() === 'x-powered-by')).toBe(false);
  });

  it('refuses options helmet refuses, when the api starts rather than on a request', () => {
    expect(() => securityHeaders({ contentSecurityPolicy: { directives: { scriptSrc: ['self'] } } })).toThrow();
  });
});
