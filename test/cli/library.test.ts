import { execFileSync, spawnSync } from 'node:child_process';
import {
  chmodSync,
  copyFileSync,
  cpSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  rmSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { validateProcedure, validateUnitCatalog } from '../../engine/index.ts';
import { loadProcedure, mutate, PROCEDURES_DIR, units } from '../support/procedures.ts';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const BIN = join(ROOT, 'bin/motcua.js');

function motcua(args: string[], cwd: string, env: Record<string, string> = {}) {
  const r = spawnSync(process.execPath, [BIN, ...args], {
    cwd,
    encoding: 'utf8',
    env: { ...process.env, MOTCUA_LANG: '', PROCEDURES_DIR: '', ...env },
  });
  return { code: r.status, out: r.stdout, err: r.stderr };
}

/** A project folder with a copy of the library under procedures/ and another folder beside it. */
function project(): string {
  const dir = mkdtempSync(join(tmpdir(), 'motcua-lib-'));
  cpSync(PROCEDURES_DIR, join(dir, 'procedures'), { recursive: true });
  mkdirSync(join(dir, 'docs'));
  return dir;
}

describe('the library folder, found from any folder of the project', () => {
  let dir: string;
  beforeAll(() => {
    dir = project();
  });

  it('validates and replays scenarios from inside procedures/ and from another folder', () => {
    for (const cwd of [join(dir, 'procedures'), join(dir, 'docs'), dir]) {
      const v = motcua(['validate', '--strict'], cwd);
      expect(v.code, v.out + v.err).toBe(0);
      expect(v.out).not.toMatch(/file-missing/);
      expect(v.out).toMatch(/0 lỗi, 0 cảnh báo/);
    }
    const s = motcua(['scenarios'], join(dir, 'procedures'));
    expect(s.code, s.out).toBe(0);
  });

  it('motcua new inside procedures/ writes there, with province units and a Vietnamese name', () => {
    const cwd = join(dir, 'procedures');
    const r = motcua(['new', 'thu-tuc-tinh', '--level', 'province', '--json'], cwd);
    expect(r.code, r.err).toBe(0);
    expect(JSON.parse(r.out)).toMatchObject({ file: 'thu-tuc-tinh.json', level: 'province' });
    expect(existsSync(join(cwd, 'procedures'))).toBe(false);
    const p = JSON.parse(readFileSync(join(cwd, 'thu-tuc-tinh.json'), 'utf8'));
    expect(p.name.vi).toBe('Thủ tục mới (cấp tỉnh)');
    expect(p.agency).toEqual({ vi: 'Ủy ban nhân dân tỉnh', en: "Provincial People's Committee" });
    const stepUnits = Object.values(
      p.machine.states as Record<string, { meta?: { unit?: string } }>,
    )
      .map((s) => s.meta?.unit)
      .filter((u) => u && u !== 'cong-dan');
    const level = new Map(units.units.map((u) => [u.id, u.level]));
    expect(stepUnits.length).toBeGreaterThan(0);
    for (const u of stepUnits) expect(level.get(u!), u).toBe('province');
    expect(motcua(['validate', '--strict', 'thu-tuc-tinh.json'], cwd).code).toBe(0);
    const bad = motcua(['new', 'thu-tuc-x', '--level', 'huyen'], cwd);
    expect(bad.code).toBe(2);
    expect(bad.err).toMatch(/levels: central, province, district, commune/);
    rmSync(join(cwd, 'thu-tuc-tinh.json'));
  });

  it('validate warns when it could not check units (an error with --strict)', () => {
    const lone = mkdtempSync(join(tmpdir(), 'motcua-lone-'));
    copyFileSync(join(PROCEDURES_DIR, 'dang-ky-khai-sinh.json'), join(lone, 'khai-sinh.json'));
    const warn = motcua(['validate', 'khai-sinh.json', '--lang', 'en'], lone);
    expect(warn.code).toBe(0);
    expect(warn.out).toMatch(/warning units-unchecked .*units, roles and level were not checked/);
    const strict = motcua(['validate', '--strict', 'khai-sinh.json', '--lang', 'en'], lone);
    expect(strict.code).toBe(1);
    expect(strict.out).toMatch(/error units-unchecked/);
    // No official calendar there: the forecast is used, and validate says so.
    expect(warn.err).toMatch(
      /note: no official working calendar for \d{4} \(calendars\/\d{4}\.json\): the forecast/,
    );
    const json = motcua(['validate', 'khai-sinh.json', '--json'], lone);
    expect(JSON.parse(json.out).map((p: { code: string }) => p.code)).toEqual(['units-unchecked']);
  });

  it('every receiving unit has a dossier code prefix', () => {
    const noCode = structuredClone(units) as { units: { id: string; code?: string }[] };
    delete noCode.units.find((u) => u.id === 'mot-cua-xa')!.code;
    expect(validateUnitCatalog(noCode).map((p) => [p.code, p.path])).toContainEqual([
      'units.one-stop-without-code',
      `/units/${noCode.units.findIndex((u) => u.id === 'mot-cua-xa')}`,
    ]);
    const receivedByJustice = mutate(loadProcedure('dang-ky-khai-sinh'), (d) => {
      d.machine.states.tiepNhan.meta.unit = 'tu-phap-xa';
    });
    const problems = validateProcedure(receivedByJustice, { units });
    expect(problems).toContainEqual(
      expect.objectContaining({
        code: 'receiving-unit-without-code',
        path: '/machine/states/tiepNhan/meta/unit',
        severity: 'warning',
      }),
    );
    // The bundled catalog and library are complete.
    expect(validateUnitCatalog(units)).toEqual([]);
  });

  it('diff shows old and new values in the chosen language', () => {
    const a = join(dir, 'procedures/cap-giay-phep-xay-dung-nha-o.json');
    const p = JSON.parse(readFileSync(a, 'utf8'));
    p.machine.states.thamDinh.meta.unit = 'van-thu-xa';
    p.note = { vi: 'Chưa rõ lệ phí theo nghị quyết HĐND tỉnh năm 2026' };
    writeFileSync(join(dir, 'docs/b.json'), JSON.stringify(p));
    const vi = motcua(['diff', a, 'b.json'], join(dir, 'docs'));
    expect(vi.out).toMatch(/~ thamDinh: đơn vị phong-kinh-te-xa → van-thu-xa/);
    // The bundled file has a note already: the diff shows it changed, old → new.
    expect(vi.out).toMatch(/~ ghi chú: .+ → Chưa rõ lệ phí theo nghị quyết HĐND tỉnh năm 2026/);
    const en = motcua(['diff', a, 'b.json', '--lang', 'en'], join(dir, 'docs'));
    expect(en.out).toMatch(/~ thamDinh: unit phong-kinh-te-xa → van-thu-xa/);
    const json = JSON.parse(motcua(['diff', a, 'b.json', '--json'], join(dir, 'docs')).out);
    expect(json.steps).toContainEqual(
      expect.objectContaining({ kind: 'changed', key: 'thamDinh', fields: ['unit'] }),
    );
  });

  it('scenario failures print times in the offset of the file', () => {
    const file = join(dir, 'procedures/dang-ky-khai-sinh.scenarios.json');
    const original = readFileSync(file, 'utf8');
    const f = JSON.parse(original);
    f.scenarios[0].steps[0].expect.due = '2026-03-03T17:00:00+07:00';
    f.scenarios[0].steps.splice(1, 0, {
      at: '2026-03-02T09:15:00+07:00',
      event: 'after:hanXacMinh',
      expectFiresAt: '2026-03-02T09:30:00+07:00',
    });
    writeFileSync(file, JSON.stringify(f));
    try {
      const r = motcua(['scenarios', 'dang-ky-khai-sinh.scenarios.json'], join(dir, 'procedures'));
      expect(r.code).toBe(1);
      expect(r.out).toMatch(
        /due: expected "2026-03-03T17:00:00\+07:00", got "2026-03-02T17:00:00\+07:00"/,
      );
      expect(r.out).toMatch(/after:hanXacMinh: no timer of this name is pending/);
      expect(r.out).not.toMatch(/\d{2}:\d{2}:\d{2}(\.\d+)?Z/);
    } finally {
      writeFileSync(file, original);
    }
  });
});

describe('the server on a folder without units.json', () => {
  it('says so in one line, not an ENOENT stack', () => {
    const lib = mkdtempSync(join(tmpdir(), 'motcua-nounits-'));
    copyFileSync(
      join(PROCEDURES_DIR, 'dang-ky-khai-sinh.json'),
      join(lib, 'dang-ky-khai-sinh.json'),
    );
    const r = spawnSync(process.execPath, ['--import', 'tsx', 'server/main.ts'], {
      cwd: ROOT,
      encoding: 'utf8',
      timeout: 60_000,
      env: {
        ...process.env,
        PROCEDURES_DIR: lib,
        DATABASE_URL: `sqlite:${join(lib, 'motcua.sqlite')}`,
        PORT: '0',
      },
    });
    expect(r.status).toBe(1);
    const lines = r.stderr.trim().split('\n');
    expect(lines).toEqual([
      `units-missing: ${lib} has no units.json (the catalog of levels, roles and units every procedure refers to); is PROCEDURES_DIR the procedure library?`,
    ]);
    expect(r.stderr).not.toMatch(/ENOENT|\n\s+at /);
  }, 90_000);
});

describe('the pre-commit hook checks what is staged', () => {
  let repo: string;
  const git = (...args: string[]) =>
    execFileSync('git', args, {
      cwd: repo,
      encoding: 'utf8',
      env: {
        ...process.env,
        GIT_AUTHOR_NAME: 't',
        GIT_AUTHOR_EMAIL: 't@x',
        GIT_COMMITTER_NAME: 't',
        GIT_COMMITTER_EMAIL: 't@x',
      },
    });
  const commit = (message: string) =>
    spawnSync('git', ['commit', '-q', '-m', message], {
      cwd: repo,
      encoding: 'utf8',
      env: {
        ...process.env,
        GIT_AUTHOR_NAME: 't',
        GIT_AUTHOR_EMAIL: 't@x',
        GIT_COMMITTER_NAME: 't',
        GIT_COMMITTER_EMAIL: 't@x',
      },
    });

  beforeAll(() => {
    repo = project();
    git('init', '-q');
    symlinkSync(join(ROOT, 'bin'), join(repo, 'bin'));
    copyFileSync(join(ROOT, 'scripts/pre-commit'), join(repo, '.git/hooks/pre-commit'));
    chmodSync(join(repo, '.git/hooks/pre-commit'), 0o755);
    git('add', 'procedures');
    const first = commit('library');
    expect(first.status, first.stdout + first.stderr).toBe(0);
  }, 120_000);

  it('refuses an invalid staged version even when the working file is fixed', () => {
    const file = join(repo, 'procedures/dang-ky-khai-sinh.json');
    const good = readFileSync(file, 'utf8');
    const p = JSON.parse(good);
    p.machine.states.thamTra.meta.unit = 'khong-co-don-vi';
    writeFileSync(file, JSON.stringify(p, null, 2));
    git('add', 'procedures/dang-ky-khai-sinh.json');
    writeFileSync(file, good);
    const r = commit('bad staged');
    expect(r.status).toBe(1);
    expect(r.stdout + r.stderr).toMatch(
      /procedures\/dang-ky-khai-sinh\.json:\d+:\d+ error unknown-unit/,
    );
    git('add', 'procedures/dang-ky-khai-sinh.json');
    expect(git('diff', '--cached', '--name-only').trim()).toBe('');
  }, 120_000);

  it('checks a renamed file (git mv) with an invalid unit', () => {
    git('mv', 'procedures/dang-ky-khai-tu.json', 'procedures/dang-ky-khai-tu-moi.json');
    const file = join(repo, 'procedures/dang-ky-khai-tu-moi.json');
    const p = JSON.parse(readFileSync(file, 'utf8'));
    p.id = 'dang-ky-khai-tu-moi';
    p.machine.id = 'dang-ky-khai-tu-moi';
    p.machine.states.tiepNhan.meta.unit = 'khong-co-don-vi';
    writeFileSync(file, JSON.stringify(p, null, 2));
    git('add', '-A', 'procedures');
    const r = commit('rename');
    expect(r.status).toBe(1);
    expect(r.stdout + r.stderr).toMatch(/dang-ky-khai-tu-moi\.json:\d+:\d+ error unknown-unit/);
    git('reset', '-q', '--hard');
  }, 120_000);
});
