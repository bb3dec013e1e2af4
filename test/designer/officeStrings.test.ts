import { describe, expect, it } from 'vitest';
import { en as designerEn } from '../../designer/src/i18n/en.ts';
import { officeEn } from '../../designer/src/i18n/officeEn.ts';
import { officeVi } from '../../designer/src/i18n/officeVi.ts';
import { en, vi } from '../../designer/src/i18n/strings.ts';
import { vi as designerVi } from '../../designer/src/i18n/vi.ts';

describe('the one-stop office dictionary', () => {
  it('never shadows a designer string (both live in one dictionary)', () => {
    const shadowed = Object.keys(officeVi).filter((k) => k in designerVi);
    expect(shadowed).toEqual([]);
    expect(Object.keys(officeEn).filter((k) => k in designerEn)).toEqual([]);
  });

  it('has every office string in both languages, with the same placeholders', () => {
    for (const [key, text] of Object.entries(officeVi)) {
      const english = (officeEn as Record<string, string>)[key];
      expect(english, key).toBeTruthy();
      const holes = (t: string) => [...t.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();
      expect(holes(english!), key).toEqual(holes(text));
    }
    expect(Object.keys(vi).length).toBe(Object.keys(en).length);
  });
});
