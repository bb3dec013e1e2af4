import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { PROCEDURES_DIR } from '../support/procedures.ts';

const BIN = fileURLToPath(new URL('../../bin/motcua.js', import.meta.url));

function motcua(args: string[], cwd: string) {
  const r = spawnSync(process.execPath, [BIN, ...args], {
    cwd,
    encoding: 'utf8',
    env: { ...process.env, MOTCUA_LANG: '' },
  });
  return { code: r.status, out: r.stdout, err: r.stderr };
}

describe('motcua command line (spawned as a process)', () => {
  let dir: string;
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'motcua-cli-'));
    cpSync(PROCEDURES_DIR, join(dir, 'procedures'), { recursive: true });
  });

  it('prints help and exits 2 without a command, 0 with --help', () => {
    const none = motcua([], dir);
    expect(none.code).toBe(2);
    expect(none.out).toMatch(/Usage: motcua <command>/);
    for (const c of ['validate', 'format', 'metrics', 'diff', 'scenarios', 'new', 'textconv']) {
      const r = motcua([c, '--help'], dir);
      expect(r.code, c).toBe(0);
      expect(r.out).toMatch(new RegExp(`Usage: motcua ${c}`));
    }
  });

  it('validates the bundled library with exit 0, in Vietnamese and as JSON', () => {
    const r = motcua(['validate', '--strict'], dir);
    expect(r.code, r.out + r.err).toBe(0);
    expect(r.out).toMatch(/0 lỗi, 0 cảnh báo/);
    const j = motcua(['validate', '--json', 'procedures/dang-ky-khai-sinh.json'], dir);
    expect(JSON.parse(j.out)).toEqual([]);
  });

  it('reports a bad file as file:line:column severity code message, exit 1', () => {
    const p = JSON.parse(readFileSync(join(dir, 'procedures/dang-ky-khai-sinh.json'), 'utf8'));
    p.machine.states.thamTra.meta.unit = 'phong-ma';
    writeFileSync(join(dir, 'procedures/bad.json'), JSON.stringify({ ...p, id: 'bad' }, null, 2));
    const r = motcua(['validate', 'procedures/bad.json', '--lang', 'en'], dir);
    expect(r.code).toBe(1);
    const line = r.out.split('\n').find((l) => l.includes('unknown-unit'))!;
    expect(line).toMatch(
      /^procedures\/bad\.json:\d+:\d+ error unknown-unit Unit "phong-ma" is not in the unit catalog/,
    );
    const [, lineNo] = /:(\d+):/.exec(line)!;
    const text = readFileSync(join(dir, 'procedures/bad.json'), 'utf8').split('\n');
    expect(text[Number(lineNo) - 1]).toContain('"unit": "phong-ma"');
  });

  it('answers invalid JSON, a missing file and a folder clearly', () => {
    writeFileSync(join(dir, 'broken.json'), '{ "id": "x", }');
    const broken = motcua(['validate', 'broken.json'], dir);
    expect(broken.code).toBe(1);
    expect(broken.out).toMatch(/^broken\.json:1:\d+ error json-syntax /m);
    const missing = motcua(['validate', 'nope.json'], dir);
    expect(missing.code).toBe(1);
    expect(missing.out).toMatch(/nope\.json:1:1 error file-missing/);
    const folder = motcua(['validate', 'procedures/calendars'], dir);
    expect(folder.code).toBe(0);
    const metricsMissing = motcua(['metrics', 'nope.json'], dir);
    expect(metricsMissing.code).toBe(1);
    expect(metricsMissing.err).toMatch(/nope\.json: no such file/);
  });

  it('rejects wrong arguments with exit 2 and the usage', () => {
    for (const args of [
      ['frobnicate'],
      ['validate', '--bogus'],
      ['metrics'],
      ['diff', 'a.json'],
      ['new', 'Bad Id'],
      ['metrics', 'x.json', '--applicants', '-3'],
      ['validate', '--lang', 'fr'],
    ]) {
      const r = motcua(args, dir);
      expect(r.code, args.join(' ')).toBe(2);
      expect(r.err).toMatch(/Usage: motcua/);
    }
  });

  it('formats canonically, and --check fails until the file is formatted', () => {
    const file = join(dir, 'procedures/dang-ky-khai-sinh.json');
    const original = readFileSync(file, 'utf8');
    writeFileSync(file, JSON.stringify(JSON.parse(original)));
    expect(motcua(['format', '--check', file], dir).code).toBe(1);
    expect(motcua(['format', file], dir).code).toBe(0);
    expect(motcua(['format', '--check', file], dir).code).toBe(0);
    expect(readFileSync(file, 'utf8')).toBe(original);
  });

  it('prints metrics, a semantic diff, and replays scenarios', () => {
    const m = motcua(['metrics', 'procedures/dang-ky-khai-sinh.json', '--json'], dir);
    expect(m.code).toBe(0);
    expect(JSON.parse(m.out)).toMatchObject({ steps: 4, units: 3, legalHours: 2 });
    const a = join(dir, 'procedures/dang-ky-khai-sinh.json');
    const p = JSON.parse(readFileSync(a, 'utf8'));
    p.machine.states.kyDuyet.meta.unit = 'tu-phap-xa';
    writeFileSync(join(dir, 'b.json'), JSON.stringify(p));
    const d = motcua(['diff', a, 'b.json', '--lang', 'en'], dir);
    expect(d.code).toBe(1);
    expect(d.out).toMatch(/~ kyDuyet: unit ubnd-xa → tu-phap-xa/);
    expect(d.out).toMatch(/Units involved: 3 → 2 \(−33\.33 %\)/);
    const vi = motcua(['diff', a, 'b.json'], dir);
    expect(vi.out).toMatch(/~ kyDuyet: đơn vị ubnd-xa → tu-phap-xa/);
    expect(vi.out).toMatch(/Số đơn vị tham gia: 3 → 2 \(−33,33 %\)/);
    expect(motcua(['diff', a, a], dir).code).toBe(0);
    const s = motcua(['scenarios', 'procedures'], dir);
    expect(s.code, s.out).toBe(0);
    expect(s.out).toMatch(/0 lỗi/);
  });

  it('creates a new procedure that validates, and refuses to overwrite it', () => {
    const r = motcua(['new', 'thu-tuc-thu', '--name', 'Thủ tục thử'], dir);
    expect(r.code, r.err).toBe(0);
    expect(motcua(['validate', '--strict', 'procedures/thu-tuc-thu.json'], dir).code).toBe(0);
    expect(motcua(['format', '--check', 'procedures/thu-tuc-thu.json'], dir).code).toBe(0);
    expect(motcua(['new', 'thu-tuc-thu'], dir).code).toBe(1);
  });

  it('renders one line per fact for git textconv', () => {
    const r = motcua(['textconv', 'procedures/dang-ky-khai-sinh.json'], dir);
    expect(r.code).toBe(0);
    expect(r.out).toMatch(
      /^Bước kyDuyet: Chủ tịch UBND xã ký Giấy khai sinh \| đơn vị ubnd-xa \| vai trò leader \| 0.5 giờ làm việc$/m,
    );
  });
});
