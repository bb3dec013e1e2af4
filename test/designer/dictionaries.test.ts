import { describe, expect, it } from 'vitest';
import { accountEn } from '../../designer/src/i18n/accountEn.ts';
import { accountVi } from '../../designer/src/i18n/accountVi.ts';
import { citizenEn } from '../../designer/src/i18n/citizenEn.ts';
import { citizenVi } from '../../designer/src/i18n/citizenVi.ts';
import { en as designerEn } from '../../designer/src/i18n/en.ts';
import { noticesEn } from '../../designer/src/i18n/noticesEn.ts';
import { noticesVi } from '../../designer/src/i18n/noticesVi.ts';
import { officeEn } from '../../designer/src/i18n/officeEn.ts';
import { officeVi } from '../../designer/src/i18n/officeVi.ts';
import { en, vi } from '../../designer/src/i18n/strings.ts';
import { vi as designerVi } from '../../designer/src/i18n/vi.ts';

type Dictionary = Readonly<Record<string, string>>;

/** The app's dictionaries, Vietnamese and English, merged into one by strings.ts. */
const PAIRS: [string, Dictionary, Dictionary][] = [
  ['designer', designerVi, designerEn],
  ['office', officeVi, officeEn],
  ['accounts', accountVi, accountEn],
  ['notices', noticesVi, noticesEn],
  ['citizen', citizenVi, citizenEn],
];

const holes = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();

describe('the UI dictionaries', () => {
  it.each(PAIRS)(
    '%s: every key in Vietnamese and English, non-empty, with the same placeholders',
    (_, viText, enText) => {
      expect(Object.keys(enText).sort()).toEqual(Object.keys(viText).sort());
      for (const [key, text] of Object.entries(viText)) {
        expect(text.trim(), key).not.toBe('');
        expect(enText[key]?.trim(), key).toBeTruthy();
        expect(holes(enText[key]!), key).toEqual(holes(text));
      }
    },
  );

  it('never lets one dictionary shadow another: each key is in one, and reaches the app as written', () => {
    const owners = new Map<string, string>();
    for (const [name, viText, enText] of PAIRS) {
      for (const key of Object.keys(viText)) {
        expect(owners.get(key), `${key} in ${name}`).toBeUndefined();
        owners.set(key, name);
        expect((vi as Dictionary)[key], key).toBe(viText[key]);
        expect((en as Dictionary)[key], key).toBe(enText[key]);
      }
    }
    expect(Object.keys(vi).length).toBe(owners.size);
    expect(Object.keys(en).length).toBe(owners.size);
  });
});
