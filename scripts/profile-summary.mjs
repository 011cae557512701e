#!/usr/bin/env node
/**
 * node scripts/profile-summary.mjs FILE.cpuprofile [--top N] — where a V8 CPU profile's time went:
 * self time by function (with its file and line) and by where the code lives (this repository's
 * libs and apps, each npm package, Node's own), as shares of all samples. Used to read the api's
 * profiles under bench:http (docs/benchmarks.md, "Profile of the HTTP path").
 */
import { readFileSync } from 'node:fs';

const [file, ...rest] = process.argv.slice(2);
if (!file) {
  console.error('usage: node scripts/profile-summary.mjs FILE.cpuprofile [--top N]');
  process.exit(2);
}
const top = Number(rest[rest.indexOf('--top') + 1]) || 25;
const profile = JSON.parse(readFileSync(file, 'utf8'));

// Self time per node: the samples that landed on it, each weighted by the time until the next sample.
const selfMs = new Map();
for (let i = 0; i < profile.samples.length; i++) {
  const dt = (profile.timeDeltas[i + 1] ?? 0) / 1000;
  selfMs.set(profile.samples[i], (selfMs.get(profile.samples[i]) ?? 0) + dt);
}
const total = [...selfMs.values()].reduce((a, b) => a + b, 0);

/** Where a frame's code lives: a package, this repository's lib or app, Node itself, or V8's bookkeeping. */
function place(url, name) {
  if (!url) return name.startsWith('(') ? name : '(native)';
  const pkg = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(url);
  if (pkg) return pkg[1];
  const own = /\/(libs|apps)\/([^/]+)\//.exec(url);
  if (own) return `${own[1]}/${own[2]}`;
  if (url.startsWith('node:')) return 'node';
  return url;
}

const byFunction = new Map();
const byPlace = new Map();
for (const node of profile.nodes) {
  const ms = selfMs.get(node.id) ?? 0;
  if (!ms) continue;
  const { functionName, url, lineNumber } = node.callFrame;
  const name = functionName || '(anonymous)';
  const key = `${name}  ${url ? `${url.replace(/^file:\/\/.*?\/(node_modules|dist)\//, '$1/')}:${lineNumber + 1}` : ''}`;
  byFunction.set(key, (byFunction.get(key) ?? 0) + ms);
  const where = place(url, name);
  byPlace.set(where, (byPlace.get(where) ?? 0) + ms);
}
const pct = (ms) => `${((100 * ms) / total).toFixed(1).padStart(5)} %`;
const show = (title, map, n) => {
  console.log(`\n${title}`);
  for (const [k, ms] of [...map].sort((a, b) => b[1] - a[1]).slice(0, n)) console.log(`${pct(ms)}  ${k}`);
};
console.log(`${file}: ${(total / 1000).toFixed(1)} s of samples`);
show('self time by where the code lives', byPlace, top);
show('self time by function', byFunction, top);
