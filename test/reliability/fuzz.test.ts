import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  acceptedEvents,
  applyEvent,
  EngineError,
  reachableNodes,
  buildMachineGraph,
  startDossier,
  validateProcedure,
} from '../../engine/index.ts';
import { activeLeaves } from '../../engine/execute/machineRuntime.ts';
import { loadProcedure, procedureIds, units } from '../support/procedures.ts';
import { BIRTH_RECEIPT, startTestRuntime, type TestRuntime } from '../support/runtime.ts';

/** Every JSON pointer of a value. */
function pointers(value: unknown, base = ''): string[] {
  if (value === null || typeof value !== 'object') return [base];
  return [base, ...Object.entries(value).flatMap(([k, v]) => pointers(v, `${base}/${k}`))];
}

function setAt(root: any, pointer: string, value: unknown, remove: boolean): any {
  if (pointer === '') return value;
  const parts = pointer.slice(1).split('/');
  let o = root;
  for (const p of parts.slice(0, -1)) o = o[p];
  const last = parts.at(-1)!;
  if (remove) {
    if (Array.isArray(o)) o.splice(Number(last), 1);
    else delete o[last];
  } else o[last] = value;
  return root;
}

describe('fuzz: the validator never crashes on mutated procedures', () => {
  const bases = procedureIds().map((id) => loadProcedure(id));
  it('answers every mutation with problems that carry paths, or with none', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: bases.length - 1 }),
        fc.nat(),
        fc.jsonValue({ maxDepth: 3 }),
        fc.boolean(),
        (b, at, value, remove) => {
          const base = structuredClone(bases[b]!);
          const all = pointers(base);
          const mutated = setAt(base, all[at % all.length]!, value, remove);
          const problems = validateProcedure(mutated, { units });
          expect(Array.isArray(problems)).toBe(true);
          for (const p of problems) {
            expect(typeof p.path).toBe('string');
            expect(p.message.vi.length).toBeGreaterThan(0);
            expect(['error', 'warning']).toContain(p.severity);
          }
        },
      ),
      { numRuns: 400 },
    );
  });

  it('answers arbitrary text as JSON input', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 300 }), (text) => {
        expect(validateProcedure(text, { units }).length).toBeGreaterThan(0);
      }),
      { numRuns: 300 },
    );
  });
});

describe('fuzz: random event sequences only reach states the machine can reach', () => {
  for (const id of procedureIds()) {
    it(id, () => {
      const procedure = loadProcedure(id);
      const graph = buildMachineGraph(procedure.machine);
      const reachable = reachableNodes(graph);
      const eventTypes = [
        ...new Set(graph.edges.filter((e) => e.kind === 'on').map((e) => e.event)),
        'NOPE',
        'SIGN',
      ];
      fc.assert(
        fc.property(fc.array(fc.nat(), { maxLength: 25 }), fc.boolean(), (picks, fromAccepted) => {
          let t = startDossier(
            procedure,
            { data: {}, documents: procedure.documents.map((d) => d.id) },
            new Date('2026-03-02T02:00:00Z'),
          );
          let now = Date.parse('2026-03-02T02:00:00Z');
          for (const pick of picks) {
            if (t.snapshot.status === 'done') break;
            const options = fromAccepted
              ? acceptedEvents(procedure, t.snapshot).map((e) => e.type)
              : eventTypes;
            if (options.length === 0) break;
            now += 3_600_000;
            try {
              t = applyEvent(
                procedure,
                t.snapshot,
                { type: options[pick % options.length]! },
                new Date(now),
              );
            } catch (error) {
              expect(error).toBeInstanceOf(EngineError);
            }
            for (const leaf of activeLeaves(graph, t.snapshot.machine.value))
              expect(reachable.has(leaf)).toBe(true);
            expect(JSON.parse(JSON.stringify(t.snapshot))).toEqual(
              JSON.parse(JSON.stringify(t.snapshot)),
            );
          }
        }),
        { numRuns: 60 },
      );
    });
  }
});

describe('fuzz: random API requests never get a 500 and never change stored data', () => {
  let rt: TestRuntime;
  let token: string;
  let dossierId: string;
  beforeAll(async () => {
    rt = await startTestRuntime('sqlite');
    token = await rt.login('admin');
    dossierId = (await rt.call('POST', '/api/dossiers', { token, body: BIRTH_RECEIPT })).body.id;
  });
  afterAll(async () => rt?.dispose());

  const state = async () => {
    const count = async (t: 'dossiers' | 'dossier_events' | 'timers' | 'idempotency_keys') =>
      Number(
        (
          await rt.deps.db
            .selectFrom(t)
            .select((eb) => eb.fn.countAll<number>().as('n'))
            .executeTakeFirstOrThrow()
        ).n,
      );
    const snap = await rt.deps.db
      .selectFrom('dossiers')
      .select(['snapshot', 'version'])
      .where('id', '=', dossierId)
      .executeTakeFirstOrThrow();
    return {
      d: await count('dossiers'),
      e: await count('dossier_events'),
      t: await count('timers'),
      i: await count('idempotency_keys'),
      snap,
    };
  };

  const nasty = fc.oneof(
    fc.string({ maxLength: 50 }),
    fc.string({ minLength: 2000, maxLength: 3000 }),
    fc.constantFrom(
      "' OR 1=1 --",
      '"; drop table dossiers; --',
      '../../etc/passwd',
      '%00',
      '<script>alert(1)</script>',
      'Ｎguyễn 🙂',
      '\u202e',
      '{{7*7}}',
      '${process.env}',
    ),
  );
  const bodies = fc.oneof(
    fc.anything({ maxDepth: 3 }),
    fc.record(
      {
        procedureId: nasty,
        applicant: fc.record({ name: nasty }),
        data: fc.dictionary(nasty, fc.jsonValue({ maxDepth: 2 })),
        documents: fc.array(nasty),
        channel: nasty,
      },
      { requiredKeys: [] },
    ),
    fc.record(
      {
        type: nasty,
        data: fc.anything({ maxDepth: 2 }),
        expectedVersion: fc.oneof(fc.integer(), nasty),
      },
      { requiredKeys: [] },
    ),
  );
  const targets = fc.constantFrom(
    ['POST', '/api/dossiers'],
    ['POST', '/api/dossiers/ID/events'],
    ['POST', '/api/dossiers/00000000-0000-0000-0000-000000000000/events'],
    ['POST', '/api/dossiers/not-a-uuid/events'],
    ['PUT', '/api/procedures/dang-ky-khai-sinh'],
    ['PUT', '/api/procedures/..%2F..%2Fetc'],
    ['POST', '/api/auth/login'],
    ['GET', '/api/dossiers?limit=NASTY&cursor=NASTY&dueBefore=NASTY'],
    ['GET', '/api/public/dossiers/NASTY?secret=NASTY'],
    ['GET', '/api/reports/summary?from=NASTY&to=2026-01-01'],
  );

  it('answers 4xx to garbage of every kind, and leaves the data as it was', async () => {
    const before = await state();
    await fc.assert(
      fc.asyncProperty(
        targets,
        bodies,
        nasty,
        fc.constantFrom('application/json', 'text/plain', 'application/x-www-form-urlencoded', ''),
        async ([method, path], body, text, contentType) => {
          const url = path!.replace('ID', dossierId).replace(/NASTY/g, encodeURIComponent(text));
          const raw = typeof body === 'string' ? body : (JSON.stringify(body) ?? 'null');
          const res = await rt.app.request(url, {
            method: method!,
            headers: {
              authorization: `Bearer ${token}`,
              ...(contentType ? { 'content-type': contentType } : {}),
            },
            ...(method === 'GET' ? {} : { body: raw }),
          });
          expect(res.status, `${method} ${url} ${raw.slice(0, 200)}`).toBeLessThan(500);
          if (res.status >= 400) {
            const json = (await res.json()) as { error: { code: string } };
            expect(typeof json.error.code).toBe('string');
          }
        },
      ),
      { numRuns: 300 },
    );
    const after = await state();
    // Garbage may be received as a dossier only if it is a valid one; none of these are.
    expect(after).toEqual(before);
  });

  it('refuses oversized bodies with 413', async () => {
    const res = await rt.call('POST', '/api/dossiers', {
      token,
      body: { ...BIRTH_RECEIPT, data: { x: 'a'.repeat(2_000_000) } },
    });
    expect(res.status).toBe(413);
    expect(res.body.error.code).toBe('payload-too-large');
  });
});
