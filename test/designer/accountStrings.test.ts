import { describe, expect, it } from 'vitest';
import { accountEn } from '../../designer/src/i18n/accountEn.ts';
import { accountVi } from '../../designer/src/i18n/accountVi.ts';
import { en as designerEn } from '../../designer/src/i18n/en.ts';
import { officeVi } from '../../designer/src/i18n/officeVi.ts';
import { en, vi } from '../../designer/src/i18n/strings.ts';
import { vi as designerVi } from '../../designer/src/i18n/vi.ts';

const holes = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();

describe('the accounts dictionary', () => {
  it('has every key in Vietnamese and English, non-empty, with the same placeholders', () => {
    expect(Object.keys(accountEn).sort()).toEqual(Object.keys(accountVi).sort());
    for (const [key, text] of Object.entries(accountVi)) {
      const english = (accountEn as Record<string, string>)[key];
      expect(text.trim(), key).not.toBe('');
      expect(english?.trim(), key).toBeTruthy();
      expect(holes(english!), key).toEqual(holes(text));
    }
  });

  it('never shadows a designer or office string (all live in one dictionary)', () => {
    const keys = Object.keys(accountVi);
    expect(keys.filter((k) => k in designerVi || k in officeVi)).toEqual([]);
    expect(Object.keys(accountEn).filter((k) => k in designerEn)).toEqual([]);
    for (const k of keys) {
      expect((vi as Record<string, string>)[k]).toBe((accountVi as Record<string, string>)[k]);
      expect((en as Record<string, string>)[k]).toBe((accountEn as Record<string, string>)[k]);
    }
  });
});
