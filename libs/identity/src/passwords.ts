import bcrypt from 'bcryptjs';

/** bcrypt cost: about 100 ms a hash on a small server, slow enough to make guessing expensive. */
const COST = 11;

export const hashPassword = (password: string) => bcrypt.hash(password, COST);
export const verifyPassword = (password: string, hash: string) => bcrypt.compare(password, hash);

/** At least 10 characters with a letter and a digit; refuses the obvious ones. */
export function passwordProblem(password: string): string | undefined {
  if (password.length < 10) return 'must be at least 10 characters';
  if (password.length > 200) return 'must be at most 200 characters';
  if (!/\p{L}/u.test(password) || !/\d/.test(password)) return 'must contain a letter and a digit';
  if (/^(password|matkhau|123456|admin)/i.test(password)) return 'is too easy to guess';
  return undefined;
}
