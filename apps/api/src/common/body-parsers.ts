import type { FastifyInstance } from 'fastify';
import { DomainError, ErrorCode } from '#libs/core';

/** The largest JSON body taken: a definition with its forms and diagrams fits many times over. */
export const JSON_BODY_LIMIT = 1024 * 1024;

const malformed = (reason: string) =>
  new DomainError(ErrorCode.ValidationFailed, `The request body is not valid JSON: ${reason}`, { problems: [{ field: 'body', reason: 'malformed JSON' }] });

/**
 * A JSON body as the API takes it: an object or an array (a bare string or number is refused, as
 * no route takes one), an empty body read as `{}`. Keys named `__proto__` stay ordinary own
 * properties (JSON.parse never sets a prototype), so they are refused by validation like any
 * other unknown field rather than by the parser.
 */
export function parseJsonBody(text: string): unknown {
  const start = text.search(/\S/);
  if (start < 0) return {};
  if (text[start] !== '{' && text[start] !== '[') throw malformed(`expected an object or an array at position ${start}`);
  try {
    return JSON.parse(text);
  } catch (error) {
    throw malformed((error as Error).message);
  }
}

/**
 * The body parsers: JSON (up to JSON_BODY_LIMIT) and nothing else. A body of another type is left
 * unread (the upload route streams its multipart body itself; any other route answers from
 * validation that the fields it needs are missing), as a router without a parser for it would.
 */
export function useBodyParsers(fastify: FastifyInstance): void {
  fastify.removeAllContentTypeParsers();
  fastify.addContentTypeParser('application/json', { parseAs: 'string', bodyLimit: JSON_BODY_LIMIT }, (_req, body, done) => {
    try {
      done(null, parseJsonBody(body as string));
    } catch (error) {
      done(error as Error, undefined);
    }
  });
  fastify.addContentTypeParser('*', (_req, _payload, done) => done(null, undefined));
}
