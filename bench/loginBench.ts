import { startServerProcess } from '../test/reliability/serverProcess.ts';
import type { BenchResult } from './benchResult.ts';

/** One sign-in, timed (ms), from an address of our choosing (the server trusts the proxy header). */
async function timedLogin(url: string, username: string, password: string, from: string) {
  const t0 = performance.now();
  const r = await fetch(`${url}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-forwarded-for': from },
    body: JSON.stringify({ username, password }),
  });
  await r.arrayBuffer();
  return { ms: performance.now() - t0, status: r.status };
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? 0;

/**
 * A flood of anonymous sign-ins (random usernames, 50 at a time, for a few seconds) from one
 * address, and from many addresses, while a real officer signs in from elsewhere: how long the
 * officer waits, next to the same sign-in on a quiet server.
 */
export async function runLoginBench(): Promise<BenchResult[]> {
  const server = await startServerProcess({
    DATABASE_URL: 'sqlite::memory:',
    TRUST_PROXY: 'true',
    SCHEDULER_INTERVAL_MS: '0',
    LOG_LEVEL: 'silent',
  });
  try {
    const quiet: number[] = [];
    for (let i = 0; i < 5; i++)
      quiet.push((await timedLogin(server.url, 'mot-cua-xa', 'motcua', `10.9.0.${i}`)).ms);
    const underFlood = async (addressOf: (i: number) => string) => {
      let stop = false;
      let sent = 0;
      let refused = 0;
      const worker = async (w: number) => {
        for (let i = 0; !stop; i++) {
          const r = await timedLogin(
            server.url,
            `khong-co-${w}-${i}`,
            'x',
            addressOf(w * 100_000 + i),
          );
          sent++;
          if (r.status === 429) refused++;
        }
      };
      const workers = Array.from({ length: 50 }, (_, w) => worker(w));
      await new Promise((r) => setTimeout(r, 500));
      const officer: number[] = [];
      for (let i = 0; i < 5; i++)
        officer.push((await timedLogin(server.url, 'tu-phap-xa', 'motcua', `10.8.0.${i}`)).ms);
      stop = true;
      await Promise.all(workers);
      return { officer: median(officer), sent, refused };
    };
    const one = await underFlood(() => '203.0.113.7');
    const many = await underFlood((i) => `198.51.${(i >> 8) & 255}.${i & 255}`);
    return [
      {
        name: 'login: officer, quiet server',
        value: median(quiet),
        unit: 'ms',
        note: 'median of 5 sign-ins (scrypt)',
      },
      {
        name: 'login: officer, flood from one address',
        value: one.officer,
        unit: 'ms',
        note: `50 concurrent anonymous sign-ins from one address; ${one.refused}/${one.sent} answered 429 before any hashing`,
      },
      {
        name: 'login: officer, flood from many addresses',
        value: many.officer,
        unit: 'ms',
        note: `50 concurrent anonymous sign-ins, each from a new address (${many.sent} sent): made-up usernames wait instead of hashing`,
      },
    ];
  } finally {
    await server.stop();
  }
}
