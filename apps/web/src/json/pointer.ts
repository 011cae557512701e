// JSON pointers (RFC 6901), as the API names every problem.

export const escapeToken = (token: string) => token.replace(/~/g, '~0').replace(/\//g, '~1');
export const unescapeToken = (token: string) => token.replace(/~1/g, '/').replace(/~0/g, '~');

export function toPointer(tokens: Array<string | number>): string {
  return tokens.map((t) => '/' + escapeToken(String(t))).join('');
}

export function parsePointer(pointer: string): string[] {
  if (!pointer) return [];
  return pointer.split('/').slice(1).map(unescapeToken);
}

export function parentPointer(pointer: string): string | null {
  if (!pointer) return null;
  return pointer.slice(0, pointer.lastIndexOf('/'));
}

/** The pointer, then each ancestor up to the root (''). */
export function* ancestry(pointer: string): Generator<string> {
  let p: string | null = pointer;
  while (p !== null) {
    yield p;
    p = parentPointer(p);
  }
}
