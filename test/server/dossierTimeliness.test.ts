import { describe, expect, it } from 'vitest';
import type { DossierSnapshot } from '../../engine/index.ts';
import { timelinessNow } from '../../server/http/dossierView.ts';
import { calendar2026 } from '../engine/calendar/helpers.ts';

/** An open dossier accepted on Monday 2 March 2026, due Friday, with one step held since 08:00. */
function snapshot(step: { due?: string; waiting?: boolean }, paused = false): DossierSnapshot {
  return {
    procedureId: 'p',
    machine: { value: 'xuLy', context: { data: {}, documents: [] } as never, status: 'active' },
    status: 'active',
    channel: 'desk',
    receivedAt: '2026-03-02T01:00:00.000Z',
    clock: {
      status: paused ? 'paused' : 'running',
      acceptedAt: '2026-03-02T01:00:00.000Z',
      due: '2026-03-06T10:00:00.000Z',
    } as DossierSnapshot['clock'],
    steps: { xuLy: { enteredAt: '2026-03-02T01:00:00.000Z', ...step } },
    sequence: 1,
  };
}

const calendar = calendar2026();
const mondayAfternoon = Date.parse('2026-03-02T09:00:00.000Z');

describe('timeliness of an open dossier as the office sees it', () => {
  it('is on track while the dossier and its step are within their times', () => {
    const t = timelinessNow(
      calendar,
      snapshot({ due: '2026-03-03T10:00:00.000Z' }),
      mondayAfternoon,
    );
    expect(t).not.toBe('overdue');
  });

  it('is overdue as soon as a step is held past its own due time, though the dossier is not', () => {
    const t = timelinessNow(
      calendar,
      snapshot({ due: '2026-03-02T08:00:00.000Z' }),
      mondayAfternoon,
    );
    expect(t).toBe('overdue');
  });

  it('is not overdue for a step waiting for the applicant, nor while the clock is paused', () => {
    expect(
      timelinessNow(
        calendar,
        snapshot({ due: '2026-03-02T08:00:00.000Z', waiting: true }),
        mondayAfternoon,
      ),
    ).not.toBe('overdue');
    expect(
      timelinessNow(calendar, snapshot({ due: '2026-03-02T08:00:00.000Z' }, true), mondayAfternoon),
    ).toBe('paused');
  });
});
