import type { TestAgent } from './app.js';

/** A superagent parser that keeps any body as a Buffer, whatever its type. */
export function binary(res: any, done: (e: Error | null, body: Buffer) => void) {
  const chunks: Buffer[] = [];
  res.on('data', (c: Buffer) => chunks.push(c));
  res.on('end', () => done(null, Buffer.concat(chunks)));
  res.on('error', (e: Error) => done(e, Buffer.concat(chunks)));
}

/** A file's bytes as `GET /files/:id/content` serves them to this agent (200 expected). */
export async function bytesOf(agent: TestAgent, fileId: string): Promise<Buffer> {
  const res = await agent.get(`/api/v1/files/${fileId}/content`).buffer(true).parse(binary).expect(200);
  return res.body as Buffer;
}
