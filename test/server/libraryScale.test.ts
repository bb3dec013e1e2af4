import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { availableParallelism, tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  foldDiacritics,
  formatProcedure,
  procedureGraph,
  startDossier,
  type Procedure,
  type UnitCatalog,
} from '../../engine/index.ts';
import { generateLibrary } from '../../bench/libraryBench.ts';
import { validatePaths } from '../../cli/commands/validate.ts';
import { CACHE_FOLDER, CheckCache } from '../../server/library/checkCache.ts';
import {
  checkProcedureText,
  checkProcedureTexts,
  lastParallelCheck,
} from '../../server/library/checkProcedures.ts';
import { dialectsUnderTest } from '../support/databases.ts';
import { startTestRuntime, type TestRuntime } from '../support/runtime.ts';

const dialects = await dialectsUnderTest();

/** A generated library of `size` procedures in a new temporary folder. */
function library(size: number): { dir: string; ids: string[] } {
  const dir = join(mkdtempSync(join(tmpdir(), 'motcua-scale-')), 'procedures');
  return { dir, ids: generateLibrary(dir, size) };
}

const cacheFile = (dir: string) => join(dir, CACHE_FOLDER, 'checks.json');

describe('the check cache of a library', () => {
  it('validates a changed file again, and a changed units.json, and keeps unchanged ones', () => {
    const { dir } = library(12);
    expect(validatePaths([dir], dir).filter((p) => p.severity === 'error')).toEqual([]);
    const cached = JSON.parse(readFileSync(cacheFile(dir), 'utf8'));
    expect(Object.keys(cached.entries)).toHaveLength(12);
    // A hand edit that breaks a procedure: found although the old text was cached as valid.
    const file = join(dir, 'dang-ky-khai-sinh.json');
    const broken = JSON.parse(readFileSync(file, 'utf8'));
    broken.machine.states.tiepNhan.on.ACCEPT.target = 'khongCo';
    writeFileSync(file, formatProcedure(broken));
    const afterEdit = validatePaths([dir], dir).filter((p) => p.severity === 'error');
    expect(afterEdit.map((p) => [p.file, p.code])).toEqual([
      ['dang-ky-khai-sinh.json', 'invalid-target'],
    ]);
    // A unit catalog without a unit the procedures use: every procedure is checked again.
    const units = JSON.parse(readFileSync(join(dir, 'units.json'), 'utf8')) as UnitCatalog;
    const used = JSON.parse(
      readFileSync(join(dir, 'chung-thuc-ban-sao.json'), 'utf8'),
    ) as Procedure;
    const unit = used.machine.states[used.machine.initial]!.meta!.unit!;
    writeFileSync(
      join(dir, 'units.json'),
      JSON.stringify({ ...units, units: units.units.filter((u) => u.id !== unit) }, null, 2),
    );
    const afterUnits = validatePaths([dir], dir).filter((p) => p.severity === 'error');
    expect(afterUnits.some((p) => p.file === 'chung-thuc-ban-sao.json')).toBe(true);
  });

  it('ignores a corrupt cache, a foreign one and entries of the wrong shape, and rewrites it', () => {
    const { dir } = library(12);
    const file = join(dir, 'dang-ky-ket-hon.json');
    const broken = JSON.parse(readFileSync(file, 'utf8'));
    delete broken.name;
    writeFileSync(file, JSON.stringify(broken, null, 2));
    const expected = validatePaths([dir], dir);
    expect(expected.some((p) => p.severity === 'error')).toBe(true);
    for (const garbage of [
      '{"fingerprint": "not json',
      JSON.stringify({ fingerprint: 'another engine', entries: {} }),
      '[1, 2, 3]',
    ]) {
      writeFileSync(cacheFile(dir), garbage);
      expect(validatePaths([dir], dir)).toEqual(expected);
      expect(() => JSON.parse(readFileSync(cacheFile(dir), 'utf8'))).not.toThrow();
    }
    // Every entry forged into a wrong shape (the broken file's entry claiming "no problem" is
    // well-formed, so it is left out): the broken file is still reported.
    const cache = JSON.parse(readFileSync(cacheFile(dir), 'utf8'));
    for (const key of Object.keys(cache.entries))
      cache.entries[key] = { problems: 'none', version: 7, at: 'now' };
    writeFileSync(cacheFile(dir), JSON.stringify(cache));
    expect(validatePaths([dir], dir)).toEqual(expected);
  });

  it('checks in worker threads exactly as one by one, and a library nobody may write runs without a cache', () => {
    const { dir, ids } = library(80);
    const units = JSON.parse(readFileSync(join(dir, 'units.json'), 'utf8')) as UnitCatalog;
    const texts = ids.map((id) => readFileSync(join(dir, `${id}.json`), 'utf8'));
    texts[5] = texts[5]!.replace('"level"', '"levels"');
    texts[40] = '{ not json';
    const serial = texts.map((text) => checkProcedureText(text, units));
    const parallel = checkProcedureTexts(
      texts.map((text) => ({ text, units })),
      CheckCache.open(undefined),
    );
    expect(parallel).toEqual(serial);
    // Only the workers checking (a one-core machine starts none and checks everything itself).
    const byWorkers = checkProcedureTexts(
      texts.map((text) => ({ text, units })),
      CheckCache.open(undefined),
      { callerTakesFiles: false },
    );
    expect(byWorkers).toEqual(serial);
    if (availableParallelism() > 1) {
      expect(lastParallelCheck.workers).toBeGreaterThan(0);
      expect(lastParallelCheck.checkedInWorkers).toBe(texts.length);
    }
    expect(serial[5]!.version).toBeNull();
    expect(serial[40]!.problems[0]!.code).toBe('json-syntax');
    expect(serial[0]!.version).toMatch(/\S/);
    // A cache folder that cannot be created (a file is in its way): checks still come back.
    writeFileSync(join(dir, CACHE_FOLDER), 'in the way');
    expect(
      checkProcedureTexts(
        texts.slice(0, 3).map((text) => ({ text, units })),
        CheckCache.open(dir),
      ),
    ).toEqual(serial.slice(0, 3));
  });
});

describe.each(dialects)('a library of 100 procedures on %s', (dialect) => {
  let rt: TestRuntime;
  let ids: string[];
  let admin: string;
  beforeAll(async () => {
    const lib = library(100);
    ids = lib.ids;
    rt = await startTestRuntime(dialect, { proceduresDir: lib.dir });
    admin = await rt.login('admin');
  });
  afterAll(async () => rt?.dispose());

  it('loads every procedure, from the cache the same as validated, and runs it the same', async () => {
    expect(rt.deps.registry.list()).toHaveLength(100);
    // A second start on the same library takes the checks from the cache.
    const again = await startTestRuntime('sqlite', {
      proceduresDir: rt.proceduresDir,
    });
    try {
      const id = ids[77]!;
      const fromCache = again.deps.registry.get(id)!;
      const text = readFileSync(join(rt.proceduresDir, `${id}.json`), 'utf8');
      const fresh = checkProcedureText(text, rt.deps.registry.catalog());
      expect(fromCache.version).toBe(fresh.version);
      expect(fromCache.problems).toEqual(fresh.problems);
      expect(fromCache.version).toBe(rt.deps.registry.get(id)!.version);
      // Compiled on first use: the same machine as one compiled from the file.
      const parsed = JSON.parse(text) as Procedure;
      expect(procedureGraph(fromCache.procedure)).toEqual(procedureGraph(parsed));
      const at = new Date('2026-03-02T08:00:00+07:00');
      const input = { data: {}, documents: [] };
      expect(startDossier(fromCache.procedure, input, at)).toEqual(startDossier(parsed, input, at));
    } finally {
      await again.dispose();
    }
  });

  it('keeps the whole list for existing callers, with a total', async () => {
    const all = await rt.call('GET', '/api/procedures', { token: admin });
    expect(all.status).toBe(200);
    expect(all.body.items).toHaveLength(100);
    expect(all.body.total).toBe(100);
    expect(all.body.items.map((i: { id: string }) => i.id)).toEqual([...ids].sort());
    expect(all.body.fields).toContain('Hộ tịch');
  });

  it('searches without accents and pages, on the server', async () => {
    const all = (await rt.call('GET', '/api/procedures', { token: admin })).body.items as {
      id: string;
      name: { vi: string; en: string };
      code: string | null;
      field: string;
      receivingUnit: string | null;
    }[];
    const fold = (t: string) => foldDiacritics(t).toLowerCase();
    const expected = all.filter((i) =>
      ['dang', 'ky', 'ket', 'hon'].every((w) =>
        fold(`${i.name.vi} ${i.name.en} ${i.code ?? ''} ${i.field} ${i.id}`).includes(w),
      ),
    );
    expect(expected.length).toBeGreaterThan(3);
    for (const q of ['đăng ký kết hôn', 'DANG KY KET HON', 'dang  ky ket hon']) {
      const first = await rt.call(
        'GET',
        `/api/procedures?q=${encodeURIComponent(q)}&offset=0&limit=3`,
        { token: admin },
      );
      expect(first.status).toBe(200);
      expect(first.body.total).toBe(expected.length);
      expect(first.body.items.map((i: { id: string }) => i.id)).toEqual(
        expected.slice(0, 3).map((i) => i.id),
      );
      const rest = await rt.call(
        'GET',
        `/api/procedures?q=${encodeURIComponent(q)}&offset=3&limit=100`,
        { token: admin },
      );
      expect(rest.body.items.map((i: { id: string }) => i.id)).toEqual(
        expected.slice(3).map((i) => i.id),
      );
    }
    const unit = all[0]!.receivingUnit!;
    const atDesk = await rt.call(
      'GET',
      `/api/procedures?unit=${encodeURIComponent(unit)}&valid=true&limit=500`,
      { token: admin },
    );
    expect(atDesk.body.items.map((i: { id: string }) => i.id)).toEqual(
      all.filter((i) => i.receivingUnit === unit).map((i) => i.id),
    );
    const withIds = await rt.call('GET', '/api/procedures?ids=true&limit=1', { token: admin });
    expect(withIds.body.items).toHaveLength(1);
    expect(withIds.body.ids).toEqual([...ids].sort());
  });

  it('answers a bad page with 422', async () => {
    for (const q of ['limit=0', 'limit=501', 'offset=-1', 'limit=abc', 'valid=yes']) {
      const r = await rt.call('GET', `/api/procedures?${q}`, { token: admin });
      expect(r.status, q).toBe(422);
    }
  });
});
