import { RateCounter } from '../apps/api/src/common/rate-counter.js';
import { startTestApp, type TestApp } from './support/app.js';

const FIXTURES = 'test/fixtures/workflows';
const LIMITS = { loginPerMinute: 4, writesPerMinute: 6 };

/**
 * The documented limits hold for the deployment, not for each process (#19.6): two api applications
 * on one database, as two api processes behind a load balancer, count one client address together.
 */
describe('rate limits across api processes', () => {
  let a: TestApp;
  let b: TestApp;
  beforeAll(async () => {
    a = await startTestApp({ workflowsDir: FIXTURES, security: { rateLimits: LIMITS } });
    b = await startTestApp({ workflowsDir: FIXTURES, shareDatabaseOf: a, security: { rateLimits: LIMITS } });
  }, 120_000);
  afterAll(async () => {
    await b?.close();
    await a?.close();
  });

  it('sign-in attempts are counted exactly, whichever process answers them', async () => {
    // Each app signed `admin` in once from this address already: 2 of 4.
    const answers: number[] = [];
    for (const app of [a, b, a, b]) answers.push((await app.anon.post('/api/v1/auth/login').send({ username: 'khach', password: 'sai-mat-khau-1' })).status);
    expect(answers).toEqual([401, 401, 429, 429]);
    const limited = await b.anon.post('/api/v1/auth/login').send({ username: 'khach', password: 'sai-mat-khau-1' }).expect(429);
    expect(Number(limited.headers['retry-after'])).toBeGreaterThan(0);
    expect(limited.headers['ratelimit-limit']).toBe('4');
  });

  it('writes are counted in memory and shared once a second: past the limit on either process once they have shared', async () => {
    const write = async (app: TestApp) => (await app.http.post('/api/v1/instances').send({ definitionKey: 'test-counter' })).status;
    const share = async () => {
      // What the timer does every second, done now so that the test does not wait on the clock:
      // twice, as two ticks of the timers do, so that each process also hears what the other added.
      for (let tick = 0; tick < 2; tick++) for (const app of [a, b]) await app.app.get(RateCounter).flush();
    };
    const first = [await write(a), await write(a), await write(a), await write(a)];
    await share();
    const second = [await write(b), await write(b)];
    await share();
    expect([...first, ...second]).toEqual([201, 201, 201, 201, 201, 201]);
    // Six between them: a seventh is refused wherever it arrives, and changes nothing.
    expect([await write(a), await write(b)]).toEqual([429, 429]);
    expect((await a.http.get('/api/v1/instances?definitionKey=test-counter&limit=100').expect(200)).body.items).toHaveLength(6);
  });
});
