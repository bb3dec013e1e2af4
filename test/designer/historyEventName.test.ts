import { describe, expect, it } from 'vitest';
import { en, vi } from '../../designer/src/i18n/strings.ts';
import { historyEventName, isWarningEvent } from '../../designer/src/ui/office/officeText.ts';

const t = (text: { vi: string; en?: string } | undefined, fallback?: string) =>
  text?.vi ?? fallback ?? '';
const steps: Record<string, string> = { thamTra: 'Kiểm tra, ghi Sổ hộ tịch, trình ký' };
const stepName = (id: string) => steps[id];
const event = (type: string, payload: unknown = {}, name: { vi: string } | null = null) => ({
  type,
  name,
  payload,
});

describe("a dossier's history names its events", () => {
  it("names the engine's deadline warnings in Vietnamese, never by their keys", () => {
    expect(historyEventName(event('motcua.dossierDueSoon'), stepName, vi, t)).toBe(
      'Cảnh báo: hồ sơ sắp đến hạn trả kết quả',
    );
    expect(historyEventName(event('motcua.dossierOverdue'), stepName, vi, t)).toBe(
      'Cảnh báo: hồ sơ quá hạn trả kết quả',
    );
    // The timer's payload names the step (as the runtime stores it: the event with its data).
    expect(
      historyEventName(
        event('motcua.stepOverdue', { type: 'motcua.stepOverdue', data: { step: 'thamTra' } }),
        stepName,
        vi,
        t,
      ),
    ).toBe('Cảnh báo: bước “Kiểm tra, ghi Sổ hộ tịch, trình ký” quá hạn xử lý');
    expect(historyEventName(event('motcua.stepOverdue'), stepName, vi, t)).toBe(
      'Cảnh báo: bước xử lý quá hạn',
    );
    expect(historyEventName(event('motcua.somethingNew'), stepName, vi, t)).toBe(
      'Sự kiện hệ thống',
    );
    expect(historyEventName(event('motcua.dossierDueSoon'), stepName, en, t)).toBe(
      'Warning: dossier due soon',
    );
  });

  it("names the reception and the procedure's own events as written", () => {
    expect(historyEventName(event('motcua.received'), stepName, vi, t)).toBe('Nộp hồ sơ');
    expect(historyEventName(event('PROPOSE', {}, { vi: 'Trình phê duyệt' }), stepName, vi, t)).toBe(
      'Trình phê duyệt',
    );
  });

  it('tells the warnings from the events that move a dossier', () => {
    expect(isWarningEvent('motcua.stepOverdue')).toBe(true);
    expect(isWarningEvent('motcua.dossierDueSoon')).toBe(true);
    expect(isWarningEvent('motcua.received')).toBe(false);
    expect(isWarningEvent('PROPOSE')).toBe(false);
  });
});
