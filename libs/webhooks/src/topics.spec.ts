import { describe, expect, it } from '@jest/globals';
import { hasWebhookEffects, topicMatches, topicProblem, webhookEvents } from './topics.js';
import { addressProblem, ipLiteral, urlSyntaxProblem } from './url-guard.js';

describe('webhook topics', () => {
  it('accepts *, lifecycle names, emit topics and prefixes; refuses the rest', () => {
    for (const ok of ['*', 'instance.started', 'task.completed', 'escalation', 'emit.khieu-nai.quyet-dinh', 'task.*', 'emit.*', 'emit.khieu-nai.*']) expect(topicProblem(ok)).toBeNull();
    for (const bad of ['', 'task', 'task.opened', 'khieu-nai.quyet-dinh', 'emit.', 'emit.*.x', '**', 'escalation.*.*', 'Emit.X']) expect(topicProblem(bad)).toMatch(/not a topic/);
  });

  it('matches exactly, by prefix, or everything', () => {
    expect(topicMatches(['*'], 'emit.a')).toBe(true);
    expect(topicMatches(['task.*'], 'task.created')).toBe(true);
    expect(topicMatches(['task.*'], 'taskx.created')).toBe(false);
    expect(topicMatches(['emit.khieu-nai.*'], 'emit.khieu-nai.quyet-dinh')).toBe(true);
    expect(topicMatches(['emit.khieu-nai.*'], 'emit.khieu-nai')).toBe(false);
    expect(topicMatches(['escalation'], 'deadline.passed')).toBe(false);
  });

  it('turns an outbox row into events keyed by effect index, leaving out what no topic names', () => {
    const effects = [
      { type: 'instance.start', definitionVersion: 2, businessKey: 'KN-1', startedBy: 'a', parentId: null, at: '2026-01-01T00:00:00.000Z' },
      { type: 'timer.arm', at: '2026-01-01T00:00:00.000Z' },
      { type: 'emit', topic: 'khieu-nai.tiep-nhan', data: { so: 1 }, at: '2026-01-01T00:00:00.000Z' },
    ];
    expect(hasWebhookEffects(effects)).toBe(true);
    expect(hasWebhookEffects([{ type: 'timer.arm' }, { type: 'notify' }])).toBe(false);
    const events = webhookEvents('42', { instanceId: 'i', definitionKey: 'k', seq: 1, effects });
    expect(events.map((e) => [e.sourceKey, e.type])).toEqual([
      ['outbox:42:0', 'instance.started'],
      ['outbox:42:2', 'emit.khieu-nai.tiep-nhan'],
    ]);
    expect(events[1]).toMatchObject({ timestamp: '2026-01-01T00:00:00.000Z', data: { instanceId: 'i', definitionKey: 'k', seq: 1, topic: 'khieu-nai.tiep-nhan', payload: { so: 1 } } });
  });
});

describe('webhook addresses', () => {
  it('lets only public unicast through', () => {
    expect(addressProblem('93.184.215.14')).toBeNull();
    expect(addressProblem('2606:4700::1111')).toBeNull();
    for (const [address, range] of [
      ['127.0.0.1', 'loopback'],
      ['10.0.0.1', 'private'],
      ['172.16.5.4', 'private'],
      ['169.254.169.254', 'linkLocal'],
      ['100.64.0.1', 'carrierGradeNat'],
      ['0.0.0.0', 'unspecified'],
      ['224.0.0.1', 'multicast'],
      ['::1', 'loopback'],
      ['fe80::1', 'linkLocal'],
      ['fd12::1', 'uniqueLocal'],
      ['::ffff:10.0.0.1', 'private'],
    ]) expect(addressProblem(address)).toBe(`${address} is a ${range} address`);
  });

  it('reads IP literals and refuses what is not an http(s) URL', () => {
    expect(ipLiteral('[::1]')).toBe('::1');
    expect(ipLiteral('127.0.0.1')).toBe('127.0.0.1');
    expect(ipLiteral('localhost')).toBeNull();
    expect(urlSyntaxProblem('https://a.example/x')).toBeNull();
    expect(urlSyntaxProblem('ftp://a.example/')).toMatch(/scheme "ftp"/);
    expect(urlSyntaxProblem('https://u:p@a.example/')).toMatch(/user name or password/);
    expect(urlSyntaxProblem('a.example/x')).toMatch(/absolute URL/);
  });
});
