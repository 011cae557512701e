import { timingSafeEqual } from 'node:crypto';

/** Whether an Authorization header carries exactly `token` as a bearer token (compared in constant time). */
export function bearerMatches(authorization: string | undefined, token: string): boolean {
  const match = authorization ? /^Bearer\s+(\S+)$/i.exec(authorization) : null;
  const given = Buffer.from(match?.[1] ?? '');
  const expected = Buffer.from(token);
  return given.length === expected.length && timingSafeEqual(given, expected);
}
