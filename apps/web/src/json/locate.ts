// A small JSON parser that remembers where every value is: JSON pointer → line (of the member's
// key, or of the value for array elements and the root). Used to put the API's validation issues
// on the lines of the text an admin is editing, and to report syntax errors with their line.
import { ancestry, escapeToken } from './pointer.ts';

export interface SyntaxProblem {
  message: string;
  offset: number;
  line: number;
  column: number;
}

export interface Located {
  value?: unknown;
  /** pointer → 1-based line */
  lines: Map<string, number>;
  error?: SyntaxProblem;
}

class JsonSyntaxError extends Error {
  constructor(
    message: string,
    readonly offset: number,
  ) {
    super(message);
  }
}

export function lineStarts(text: string): number[] {
  const starts = [0];
  for (let i = 0; i < text.length; i++) if (text.charCodeAt(i) === 10) starts.push(i + 1);
  return starts;
}

/** 1-based line and column of an offset. */
export function position(starts: number[], offset: number): { line: number; column: number } {
  let lo = 0;
  let hi = starts.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (starts[mid] <= offset) lo = mid;
    else hi = mid - 1;
  }
  return { line: lo + 1, column: offset - starts[lo] + 1 };
}

export function locate(text: string): Located {
  const starts = lineStarts(text);
  const lines = new Map<string, number>();
  let i = 0;
  const lineAt = (offset: number) => position(starts, offset).line;
  const fail = (message: string, at = i): never => {
    throw new JsonSyntaxError(message, at);
  };
  const ws = () => {
    while (i < text.length) {
      const c = text[i];
      if (c === ' ' || c === '\n' || c === '\r' || c === '\t') i++;
      else break;
    }
  };
  const describe = (at: number) => (at >= text.length ? 'end of text' : `"${text[at]}"`);

  const parseString = (): string => {
    const start = i;
    i++; // opening quote
    while (i < text.length) {
      const c = text.charCodeAt(i);
      if (c === 34) {
        i++;
        try {
          return JSON.parse(text.slice(start, i)) as string;
        } catch {
          fail('invalid escape in string', start);
        }
      }
      if (c === 92) i += 2;
      else if (c < 32) fail('unescaped control character (line break?) in string');
      else i++;
    }
    return fail('unterminated string', start);
  };

  const parseValue = (pointer: string, recordAt: number | null): unknown => {
    ws();
    if (recordAt === null) lines.set(pointer, lineAt(i));
    else lines.set(pointer, lineAt(recordAt));
    const c = text[i];
    if (c === '{') {
      i++;
      const obj: Record<string, unknown> = {};
      ws();
      if (text[i] === '}') {
        i++;
        return obj;
      }
      for (;;) {
        ws();
        if (text[i] !== '"') fail(`expected a key in quotes, found ${describe(i)}`);
        const keyAt = i;
        const key = parseString();
        ws();
        if (text[i] !== ':') fail(`expected ":" after the key, found ${describe(i)}`);
        i++;
        Object.defineProperty(obj, key, { value: parseValue(`${pointer}/${escapeToken(key)}`, keyAt), enumerable: true, configurable: true, writable: true });
        ws();
        if (text[i] === ',') {
          i++;
          ws();
          if (text[i] === '}') fail('trailing comma before "}"');
          continue;
        }
        if (text[i] === '}') {
          i++;
          return obj;
        }
        fail(`expected "," or "}", found ${describe(i)}`);
      }
    }
    if (c === '[') {
      i++;
      const arr: unknown[] = [];
      ws();
      if (text[i] === ']') {
        i++;
        return arr;
      }
      for (;;) {
        arr.push(parseValue(`${pointer}/${arr.length}`, null));
        ws();
        if (text[i] === ',') {
          i++;
          ws();
          if (text[i] === ']') fail('trailing comma before "]"');
          continue;
        }
        if (text[i] === ']') {
          i++;
          return arr;
        }
        fail(`expected "," or "]", found ${describe(i)}`);
      }
    }
    if (c === '"') return parseString();
    const literal = /^(?:-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?|true|false|null)/.exec(text.slice(i, i + 400));
    if (literal) {
      i += literal[0].length;
      return JSON.parse(literal[0]);
    }
    return fail(`unexpected ${describe(i)}`);
  };

  try {
    const value = parseValue('', null);
    ws();
    if (i < text.length) fail(`unexpected ${describe(i)} after the end of the document`);
    return { value, lines };
  } catch (error) {
    if (!(error instanceof JsonSyntaxError)) throw error;
    const { line, column } = position(starts, Math.min(error.offset, text.length));
    return { lines, error: { message: error.message, offset: error.offset, line, column } };
  }
}

/** The line of a pointer, or of its nearest ancestor present in the text (a missing key's object). */
export function lineOf(located: Located, pointer: string): number {
  for (const p of ancestry(pointer)) {
    const line = located.lines.get(p);
    if (line !== undefined) return line;
  }
  return 1;
}
