import { describe, expect, it } from 'vitest';
import { parseVnDate, vnDate } from '../../designer/src/ui/forms/vnDate.ts';

describe('dates typed day first', () => {
  it('reads day/month/year with any usual separator, and ISO dates', () => {
    expect(parseVnDate('05/03/2026')).toBe('2026-03-05');
    expect(parseVnDate(' 5/3/2026 ')).toBe('2026-03-05');
    expect(parseVnDate('05-03-2026')).toBe('2026-03-05');
    expect(parseVnDate('05.03.2026')).toBe('2026-03-05');
    expect(parseVnDate('2026-03-05')).toBe('2026-03-05');
    expect(parseVnDate('29/02/2028')).toBe('2028-02-29');
  });

  it('refuses what is not a date that exists', () => {
    for (const text of [
      '',
      '05/03',
      '05/03/26',
      '31/04/2026',
      '29/02/2026',
      '00/01/2026',
      '1/13/2026',
      '03/05/0099',
      'hôm nay',
    ])
      expect(parseVnDate(text), text).toBeUndefined();
  });

  it('shows an ISO date day first and leaves anything else as typed', () => {
    expect(vnDate('2026-03-05')).toBe('05/03/2026');
    expect(vnDate('05/0')).toBe('05/0');
    expect(parseVnDate(vnDate('2026-12-31'))).toBe('2026-12-31');
  });
});
