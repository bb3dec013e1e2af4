import { describe, expect, it } from 'vitest';
import { formatNumber } from '../../engine/index.ts';
import { describeGuard } from '../../engine/registry/describeGuard.ts';
import { formatSize } from '../../designer/src/ui/office/files/filesText.ts';
import { localizeFormErrors } from '../../designer/src/ui/office/formErrors.ts';
import { en, fill, vi } from '../../designer/src/i18n/strings.ts';
import { formatWorkingTime } from '../../designer/src/i18n/format.ts';
import { vnNumber } from '../../server/reports/reportCsv.ts';
import { vnWorkingTime } from '../../server/pdf/vnText.ts';

/**
 * One number formatter for every message: Vietnamese writes 12.345 and 1,5; English 12,345 and
 * 1.5. The designer's placeholders, the e-form messages, file sizes, the engine's own messages,
 * the PDFs and the reports CSV all go through it.
 */
describe('numbers in messages', () => {
  it('groups thousands and writes decimals as each language does', () => {
    expect(formatNumber(12345, 'vi')).toBe('12.345');
    expect(formatNumber(1.5, 'vi')).toBe('1,5');
    expect(formatNumber(12345.25, 'en')).toBe('12,345.25');
    expect(formatNumber(-77.444, 'vi')).toBe('−77,44');
    expect(vnNumber(-77.444, 2)).toBe('-77,44');
  });

  it('fills a number placeholder in the language of the message', () => {
    expect(fill('{n} ngày', { n: 1.5 })).toBe('1,5 ngày');
    expect(fill('{n} thủ tục', { n: 2000 }, 'vi')).toBe('2.000 thủ tục');
    expect(fill('{n} procedures', { n: 2000 }, 'en')).toBe('2,000 procedures');
    expect(fill('{code}', { code: '000.00.12.H01' })).toBe('000.00.12.H01');
    expect(formatWorkingTime({ workingDays: 1.5 }, vi, 'vi')).toBe(
      fill(vi.daysShort, { n: '1,5' }),
    );
    expect(vnWorkingTime({ workingDays: 1.5 })).toBe('1,5 ngày làm việc');
  });

  it('says e-form limits and file sizes with the language’s separators', () => {
    const [long] = localizeFormErrors(
      [{ name: 'maxLength', params: { limit: 5000 }, property: '.ten', message: '', stack: '' }],
      vi,
      'vi',
    );
    expect(long!.message).toBe(fill(vi.fe_maxLength, { n: '5.000' }));
    const [min] = localizeFormErrors(
      [{ name: 'minimum', params: { limit: 0.5 }, property: '.dienTich', message: '', stack: '' }],
      en,
      'en',
    );
    expect(min!.message).toBe(fill(en.fe_minimum, { n: '0.5' }));
    expect(formatSize(1.5 * 1_048_576, 'vi')).toBe('1,5 MB');
    expect(formatSize(1.5 * 1_048_576, 'en')).toBe('1.5 MB');
  });

  it('writes numbers in the engine’s Vietnamese messages with a decimal comma', () => {
    const text = describeGuard({
      type: 'field',
      params: { field: 'dienTich', op: 'ge', value: 1.5 },
    } as Parameters<typeof describeGuard>[0]);
    expect(text.vi).toBe('"dienTich" ≥ 1,5');
    expect(text.en).toBe('"dienTich" ≥ 1.5');
  });
});
