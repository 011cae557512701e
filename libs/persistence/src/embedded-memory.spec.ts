import { totalmem } from 'node:os';
import { availableMemory, embeddedSharedBuffers } from './embedded-memory.js';

const GB = 2 ** 30;

describe('embeddedSharedBuffers', () => {
  it('takes a quarter of the memory', () => {
    expect(embeddedSharedBuffers('auto', 24 * GB)).toBe('6144MB');
    expect(embeddedSharedBuffers('auto', 2 * GB)).toBe('512MB');
  });

  it("never goes below PostgreSQL's default nor above 8GB", () => {
    expect(embeddedSharedBuffers('auto', 256 * 2 ** 20)).toBe('128MB');
    expect(embeddedSharedBuffers('auto', 256 * GB)).toBe('8192MB');
  });

  it('passes a size as it is', () => {
    expect(embeddedSharedBuffers('2GB', 24 * GB)).toBe('2GB');
  });
});

describe('availableMemory', () => {
  it("is the cgroup's limit when it is lower than the machine's memory", () => {
    expect(availableMemory((p) => (p === '/sys/fs/cgroup/memory.max' ? `${GB}\n` : undefined))).toBe(GB);
  });

  it("is the machine's memory without a limit ('max') or without cgroups", () => {
    expect(availableMemory((p) => (p === '/sys/fs/cgroup/memory.max' ? 'max\n' : undefined))).toBe(totalmem());
    expect(availableMemory(() => undefined)).toBe(totalmem());
  });

  it('ignores a cgroup v1 limit that means none (larger than the machine)', () => {
    expect(availableMemory((p) => (p.endsWith('limit_in_bytes') ? '9223372036854771712' : undefined))).toBe(totalmem());
  });
});
