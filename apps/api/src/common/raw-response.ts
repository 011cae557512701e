import type { ServerResponse } from 'node:http';
import type { FastifyReply } from 'fastify';

/**
 * Takes a response over from Fastify, to be written by hand as it goes (a stream of events, an
 * export written row by row). The headers set so far (the security headers, the request id) go
 * with it. From here on errors can no longer be answered as JSON: the writer ends or destroys it.
 */
export function takeOverResponse(reply: FastifyReply): ServerResponse {
  reply.hijack();
  for (const [name, value] of Object.entries(reply.getHeaders())) if (value !== undefined) reply.raw.setHeader(name, value);
  return reply.raw;
}
