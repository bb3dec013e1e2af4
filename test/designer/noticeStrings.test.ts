import { describe, expect, it } from 'vitest';
import { accountVi } from '../../designer/src/i18n/accountVi.ts';
import { noticesEn } from '../../designer/src/i18n/noticesEn.ts';
import { noticesVi } from '../../designer/src/i18n/noticesVi.ts';
import { officeVi } from '../../designer/src/i18n/officeVi.ts';
import { en, vi } from '../../designer/src/i18n/strings.ts';
import { vi as designerVi } from '../../designer/src/i18n/vi.ts';

const placeholders = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();
const english = noticesEn as Readonly<Record<string, string>>;

describe('the notices dictionary', () => {
  it('says every notice string in Vietnamese and English, non-empty, with the same placeholders', () => {
    expect(Object.keys(noticesEn).sort()).toEqual(Object.keys(noticesVi).sort());
    for (const [key, vietnamese] of Object.entries(noticesVi)) {
      expect(vietnamese.trim(), key).not.toBe('');
      expect(english[key]?.trim(), key).toBeTruthy();
      expect(placeholders(english[key]!), key).toEqual(placeholders(vietnamese));
    }
  });

  it('is merged into the app dictionary without hiding another string', () => {
    const others = [designerVi, officeVi, accountVi];
    const keys = Object.keys(noticesVi);
    expect(keys.filter((k) => others.some((d) => k in d))).toEqual([]);
    expect(keys.map((k) => vi[k as keyof typeof vi])).toEqual(Object.values(noticesVi));
    expect(keys.map((k) => en[k as keyof typeof en])).toEqual(keys.map((k) => english[k]));
  });
});
