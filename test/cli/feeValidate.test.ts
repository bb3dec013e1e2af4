import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { PROCEDURES_DIR } from '../support/procedures.ts';

const BIN = fileURLToPath(new URL('../../bin/motcua.js', import.meta.url));

describe('motcua validate on computed fees', () => {
  it('names a fee rule reading a field the form lacks and tiers out of order, with their lines', () => {
    const dir = mkdtempSync(join(tmpdir(), 'motcua-fees-'));
    cpSync(PROCEDURES_DIR, join(dir, 'procedures'), { recursive: true });
    const file = join(dir, 'procedures/cap-ban-sao-trich-luc-ho-tich.json');
    const p = JSON.parse(readFileSync(file, 'utf8'));
    p.fees[0].compute = {
      kind: 'tiers',
      field: 'soBanSaoKhongCo',
      tiers: [{ upTo: 5, amountVnd: 8000 }, { upTo: 3, amountVnd: 6000 }, { amountVnd: 5000 }],
    };
    writeFileSync(file, JSON.stringify(p, null, 2));
    const r = spawnSync(
      process.execPath,
      [BIN, 'validate', 'procedures/cap-ban-sao-trich-luc-ho-tich.json', '--lang', 'en'],
      { cwd: dir, encoding: 'utf8', env: { ...process.env, MOTCUA_LANG: '' } },
    );
    expect(r.status, r.stdout + r.stderr).toBe(1);
    expect(r.stdout).toMatch(
      /:\d+:\d+ error unknown-field Fee "Fee for a copy of a civil status extract": field "soBanSaoKhongCo" is not in any e-form/,
    );
    expect(r.stdout).toMatch(/:\d+:\d+ error fee-tier-order .*tier 2 \(≤ 3\) must be above/);
  });
});
