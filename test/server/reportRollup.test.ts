import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase, type DatabaseHandle } from '../../server/db/dialect.ts';
import { migrateToLatest } from '../../server/db/migrate.ts';
import type { Database } from '../../server/db/schema.ts';
import {
  localDay,
  localDayStart,
  rolledUpTo,
  ROLLUP_GRACE_MS,
} from '../../server/reports/extendReportRollup.ts';
import type { GroupBy } from '../../server/reports/scanDossiers.ts';
import { scanReport, summaryReport } from '../../server/reports/summaryReport.ts';
import { createPostgresDatabase, dialectsUnderTest } from '../support/databases.ts';

const dialects = await dialectsUnderTest();

const HOUR = 3_600_000;
const DAY = 24 * HOUR;
const START = Date.parse('2026-03-01T00:00:00+07:00');
const DAYS = 40;
const GROUPINGS: GroupBy[] = ['unit', 'procedure', 'level', 'channel'];

/** A small seeded generator (mulberry32), so a failure replays. */
function random(seed: number) {
  let a = seed >>> 0;
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const int = (n: number) => Math.floor(next() * n);
  const pick = <T>(xs: readonly T[]): T => xs[int(xs.length)]!;
  return { next, int, pick };
}

/** What will happen to a dossier: received at `receivedAt`, completed at `completedAt` (or never). */
interface History {
  readonly id: string;
  readonly receivedAt: number;
  readonly completedAt: number | null;
  readonly row: Omit<Database['dossiers'], 'status' | 'completed_at' | 'outcome' | 'timeliness'>;
  readonly outcome: string;
  readonly timeliness: string | null;
}

function histories(seed: number, count: number): History[] {
  const r = random(seed);
  return Array.from({ length: count }, (_, i) => {
    const receivedAt = START + r.int(DAYS * 24) * HOUR + r.int(HOUR);
    const lag = r.next();
    // Same day (desk refusals, even a second "before" reception from a server whose clock is
    // behind), a few days, two weeks, or still open at the end.
    const completedAt =
      lag < 0.1
        ? null
        : lag < 0.35
          ? Math.max(localDayStart(localDay(receivedAt)), receivedAt + r.int(3 * HOUR) - 1000)
          : receivedAt + r.int(14 * DAY);
    const due = r.next() < 0.15 ? null : receivedAt + r.int(8 * DAY);
    const id = `d${i}`;
    return {
      id,
      receivedAt,
      completedAt,
      outcome: r.pick(['approved', 'approved', 'approved', 'refused', 'withdrawn', 'stopped']),
      timeliness: r.pick(['early', 'on-time', 'late', null]),
      row: {
        id,
        code: `C${i}`,
        secret_hash: 'x',
        procedure_id: r.pick(['p0', 'p1', 'p2', 'p3', 'p4']),
        procedure_version: 'v1',
        unit_id: r.pick(['u0', 'u1', 'u2']),
        level: r.pick(['commune', 'district', 'province']),
        channel: r.pick(['desk', 'online', 'post']),
        applicant_name: 'Nguyễn Văn A',
        applicant_id_number: null,
        state: '"x"',
        snapshot: '{}',
        version: 1,
        received_at: receivedAt,
        accepted_at: receivedAt,
        due_at: due,
        original_due_at: due,
        awaiting_supplement: r.int(4) === 0 ? 1 : 0,
        created_by: 'test',
        updated_at: receivedAt,
        search_text: null,
      },
    };
  });
}

/**
 * Make the table what it is at `now`: dossiers received by then, completed if their time has
 * come; open ones change their due date and supplement flag as a running office would.
 */
async function advance(
  db: DatabaseHandle['db'],
  all: readonly History[],
  now: number,
  seen: Set<string>,
  r: ReturnType<typeof random>,
) {
  const inserts: Database['dossiers'][] = [];
  for (const h of all) {
    if (h.receivedAt > now) continue;
    const done = h.completedAt !== null && h.completedAt <= now;
    const columns = {
      status: done ? 'done' : 'active',
      completed_at: done ? h.completedAt : null,
      outcome: done ? h.outcome : null,
      timeliness: done ? h.timeliness : null,
    };
    if (!seen.has(h.id)) {
      seen.add(h.id);
      inserts.push({ ...h.row, ...columns });
    } else if (done && !seen.has(`${h.id} done`)) {
      seen.add(`${h.id} done`);
      await db.updateTable('dossiers').set(columns).where('id', '=', h.id).execute();
    } else if (!done && r.next() < 0.1) {
      const due = r.next() < 0.2 ? null : h.receivedAt + r.int(10 * DAY);
      await db
        .updateTable('dossiers')
        .set({ due_at: due, awaiting_supplement: r.int(3) === 0 ? 1 : 0 })
        .where('id', '=', h.id)
        .execute();
    }
  }
  for (let i = 0; i < inserts.length; i += 100)
    await db
      .insertInto('dossiers')
      .values(inserts.slice(i, i + 100))
      .execute();
}

describe.each(dialects)('report rollup on %s', (dialect) => {
  // Two handles on one database: two server processes.
  let a: DatabaseHandle;
  let b: DatabaseHandle;
  let cleanup: () => Promise<void>;

  beforeAll(async () => {
    if (dialect === 'postgres') {
      const pg = await createPostgresDatabase();
      a = await openDatabase({ url: pg.url });
      b = await openDatabase({ url: pg.url });
      cleanup = pg.drop;
    } else {
      // One handle: better-sqlite3 is synchronous, so a second connection in this process would
      // wait for the first's write lock on the very thread that must release it. SQLite has one
      // writer anyway; the race is two reports on one connection.
      const dir = mkdtempSync(join(tmpdir(), 'motcua-rollup-'));
      a = await openDatabase({ url: `sqlite:${join(dir, 'r.db')}`, sqliteSynchronous: 'NORMAL' });
      b = a;
      cleanup = async () => rmSync(dir, { recursive: true, force: true });
    }
    await migrateToLatest(a.db);
  });
  afterAll(async () => {
    await a?.close();
    if (b !== a) await b?.close();
    await cleanup?.();
  });

  it('equals the full scan for random periods, groupings and clocks as the days close, with two servers racing', async () => {
    const all = histories(20261129, 1200);
    const r = random(7);
    const seen = new Set<string>();
    let now = START - 2 * DAY;
    let checks = 0;
    while (now < START + (DAYS + 16) * DAY) {
      // Irregular steps: sometimes within the same day, sometimes across several.
      now += r.pick([20 * 60_000, 3 * HOUR, 11 * HOUR, DAY, 2.5 * DAY]);
      // Just after a midnight, inside or past the grace.
      if (r.next() < 0.15) now = localDayStart(localDay(now) + 1) + r.int(ROLLUP_GRACE_MS * 2);
      await advance(a.db, all, now, seen, r);
      for (let k = 0; k < 4; k++) {
        const first = localDay(START) - 3 + r.int(DAYS + 20);
        const from = localDayStart(first);
        const to = localDayStart(first + 1 + r.int(k === 0 ? 60 : 10));
        const groupBy = r.pick(GROUPINGS);
        const expected = await scanReport(a.db, from, to, groupBy, now);
        const reports =
          k === 0
            ? await Promise.all([
                summaryReport(a.db, from, to, groupBy, now),
                summaryReport(b.db, from, to, groupBy, now),
              ])
            : [await summaryReport(r.next() < 0.5 ? a.db : b.db, from, to, groupBy, now)];
        for (const report of reports)
          expect(report, `${groupBy} ${from}..${to} @${now}`).toEqual(expected);
        checks++;
      }
      expect(await rolledUpTo(a.db)).toBe(localDay(now - ROLLUP_GRACE_MS));
    }
    expect(checks).toBeGreaterThan(100);
  }, 120_000);
});
