import { describe, expect, it } from 'vitest';
import { ApiError, apiErrorText } from '../../designer/src/api/client.ts';

describe('API errors in the user language', () => {
  const rejected = new ApiError(
    409,
    'guard-rejected',
    'Event "PROPOSE": no condition of its transitions holds: from "ngaySinh" to the reception date ≤ 60 days',
    {
      message: {
        vi: 'Không thể thực hiện "Trình phê duyệt": điều kiện không thỏa mãn: từ ngày "ngaySinh" đến ngày tiếp nhận ≤ 60 ngày',
        en: 'Cannot "Propose": the condition does not hold: from "ngaySinh" to the reception date ≤ 60 days',
      },
    },
  );

  it('shows the engine message naming the failed condition, in Vietnamese or English', () => {
    expect(apiErrorText(rejected, 'vi')).toContain(
      'từ ngày "ngaySinh" đến ngày tiếp nhận ≤ 60 ngày',
    );
    expect(apiErrorText(rejected, 'en')).toMatch(/^Cannot "Propose"/);
  });

  it('falls back to the message when the details carry none', () => {
    expect(apiErrorText(new ApiError(500, 'internal', 'Internal server error'), 'vi')).toBe(
      'Internal server error',
    );
    expect(apiErrorText(new Error('offline'), 'en')).toBe('offline');
  });
});
