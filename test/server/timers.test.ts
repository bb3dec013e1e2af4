import { cpSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { formatProcedure } from '../../engine/index.ts';
import { dialectsUnderTest } from '../support/databases.ts';
import { loadProcedure, mutate, PROCEDURES_DIR } from '../support/procedures.ts';
import { BIRTH_RECEIPT, startTestRuntime, type TestRuntime } from '../support/runtime.ts';

const dialects = await dialectsUnderTest();

/** Birth registration whose verification escalates to the commune's leaders after its half hour. */
const birth = mutate(loadProcedure('dang-ky-khai-sinh'), (d) => {
  d.delays = { hanXacMinh: { workingHours: 0.5 } };
  d.machine.states.thamTra.after = {
    hanXacMinh: {
      name: { vi: 'Quá hạn thẩm tra, báo lãnh đạo', en: 'Verification overdue, escalate' },
      target: 'kyDuyet',
      actions: [
        {
          type: 'notifyUnit',
          params: {
            unit: 'ubnd-xa',
            role: 'leader',
            message: { vi: 'Hồ sơ quá hạn thẩm tra', en: 'Verification overdue' },
          },
        },
      ],
    },
  };
});

describe.each(dialects)('timers on %s', (dialect) => {
  let rt: TestRuntime;

  beforeAll(async () => {
    const dir = join(mkdtempSync(join(tmpdir(), 'motcua-timers-')), 'procedures');
    cpSync(PROCEDURES_DIR, dir, { recursive: true });
    writeFileSync(join(dir, `${birth.id}.json`), formatProcedure(birth));
    rt = await startTestRuntime(dialect, { proceduresDir: dir });
  });
  afterAll(async () => rt?.dispose());

  it('shows when the timer fires, judges the step at its due instant, names it and notifies the unit', async () => {
    rt.clock.set('2026-03-02T08:00');
    const desk = await rt.login('mot-cua-xa');
    const r = await rt.call('POST', '/api/dossiers', { token: desk, body: BIRTH_RECEIPT });
    expect(r.status, JSON.stringify(r.body)).toBe(201);
    const id = r.body.id as string;
    const before = await rt.call('GET', `/api/dossiers/${id}`, { token: desk });
    expect(before.body.activeSteps ?? before.body.steps).toBeDefined();
    const steps = (before.body.activeSteps ?? before.body.steps) as {
      id: string;
      timerAt: string;
    }[];
    expect(steps.find((s) => s.id === 'dang-ky-khai-sinh.thamTra')?.timerAt).toBe(
      '2026-03-02T01:30:00.000Z',
    );

    // The scheduler notices the timer 282 ms late: the step is still on time.
    rt.clock.set('2026-03-02T08:30:00.282');
    await rt.scheduler.tick();
    const view = await rt.call('GET', `/api/dossiers/${id}`, { token: desk });
    expect(view.body.state).toBe('kyDuyet');
    const verified = view.body.controlSlip.find(
      (s: { step: string }) => s.step === 'dang-ky-khai-sinh.thamTra',
    );
    expect(verified).toMatchObject({ to: '2026-03-02T01:30:00.000Z', late: false });
    const last = view.body.history.at(-1);
    expect(last.name).toEqual({
      vi: 'Quá hạn thẩm tra, báo lãnh đạo',
      en: 'Verification overdue, escalate',
    });
    const notices = await rt.database.db
      .selectFrom('outbox')
      .select(['audience', 'unit_id', 'message'])
      .where('dossier_id', '=', id)
      .where('unit_id', '=', 'ubnd-xa')
      .execute();
    expect(notices.map((n) => JSON.parse(n.message).vi)).toContain('Hồ sơ quá hạn thẩm tra');
  });
});
