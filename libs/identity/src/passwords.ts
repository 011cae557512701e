import bcrypt from 'bcryptjs';

/** bcrypt cost: about 100 ms a hash on a small server, slow enough to make guessing expensive. */
const COST = 11;

export const hashPassword = (password: string) => bcrypt.hash(password, COST);
export const verifyPassword = (password: string, hash: string) => bcrypt.compare(password, hash);

/** Passwords (and stems) that guessing tools try first, in English and Vietnamese. */
const COMMON = /^(password|passw0rd|matkhau|123456|12345678|qwerty|admin|abc123|iloveyou|anhyeuem|vietnam|hanoi|haiphong)/i;

/**
 * At least 10 characters with a letter and a digit, not a well-known password, not the username,
 * not one character repeated; at most 200 (bcrypt reads 72 bytes, the rest is refused as a mistake).
 */
export function passwordProblem(password: string, username?: string): string | undefined {
  if (password.length < 10) return 'must be at least 10 characters';
  if (password.length > 200) return 'must be at most 200 characters';
  if (!/\p{L}/u.test(password) || !/\d/.test(password)) return 'must contain a letter and a digit';
  if (COMMON.test(password)) return 'is too easy to guess';
  if (new Set(password).size < 4) return 'repeats too few characters';
  if (username && username.length >= 3 && password.toLowerCase().includes(username.toLowerCase())) return 'must not contain the username';
  return undefined;
}
