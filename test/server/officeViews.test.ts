import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dialectsUnderTest } from '../support/databases.ts';
import { BIRTH_RECEIPT, startTestRuntime, type TestRuntime } from '../support/runtime.ts';

const dialects = await dialectsUnderTest();

/** What the office pages read: the inbox rows, the dossier page, the desk's procedure list. */
describe.each(dialects)('views of the one-stop office on %s', (dialect) => {
  let rt: TestRuntime;
  let desk: string;
  let justice: string;
  let id: string;

  beforeAll(async () => {
    rt = await startTestRuntime(dialect);
    [desk, justice] = (await Promise.all(['mot-cua-xa', 'tu-phap-xa'].map((u) => rt.login(u)))) as [
      string,
      string,
    ];
    rt.clock.set('2026-03-02T09:00');
    const r = await rt.call('POST', '/api/dossiers', {
      token: desk,
      body: {
        ...BIRTH_RECEIPT,
        applicant: { ...BIRTH_RECEIPT.applicant, address: 'Thôn 3, xã Yên Sơn' },
      },
    });
    expect(r.status, JSON.stringify(r.body)).toBe(201);
    id = r.body.id;
    rt.clock.set('2026-03-02T09:10');
    const p = await rt.call('POST', `/api/dossiers/${id}/events`, {
      token: justice,
      body: { type: 'PROPOSE', note: 'Hồ sơ hợp lệ' },
    });
    expect(p.status, JSON.stringify(p.body)).toBe(200);
  });
  afterAll(async () => rt?.dispose());

  it('names the current steps of each inbox row in Vietnamese', async () => {
    const r = await rt.call('GET', '/api/dossiers?receivedBy=mot-cua-xa', { token: desk });
    expect(r.status).toBe(200);
    const row = r.body.items.find((i: { id: string }) => i.id === id);
    expect(row.currentSteps).toEqual([
      {
        name: {
          vi: 'Chủ tịch UBND xã ký Giấy khai sinh',
          en: 'Commune chair signs the birth certificate',
        },
        unit: 'ubnd-xa',
        // Entered at 09:10 with half a working hour.
        due: new Date(Date.parse('2026-03-02T09:40:00+07:00')).toISOString(),
      },
    ]);
  });

  it('filters by the receiving unit, whatever step the dossier is at', async () => {
    const mine = await rt.call('GET', '/api/dossiers?receivedBy=mot-cua-xa', { token: desk });
    expect(mine.body.items.map((i: { id: string }) => i.id)).toContain(id);
    const other = await rt.call('GET', '/api/dossiers?receivedBy=tu-phap-xa', { token: desk });
    expect(other.body.items).toEqual([]);
    // Waiting at the chair: not in the desk's own "waiting for me" list.
    const waiting = await rt.call('GET', '/api/dossiers?mine=true', { token: desk });
    expect(waiting.body.items.map((i: { id: string }) => i.id)).not.toContain(id);
  });

  it('gives the dossier page the pinned definition, who acted, and what the desk entered', async () => {
    const r = await rt.call('GET', `/api/dossiers/${id}`, { token: desk });
    expect(r.status).toBe(200);
    expect(r.body.definition.id).toBe('dang-ky-khai-sinh');
    expect(r.body.definition.documents.map((d: { id: string }) => d.id)).toEqual([
      'toKhai',
      'giayChungSinh',
    ]);
    expect(r.body.applicant).toMatchObject({
      name: 'Nguyễn Văn Cường',
      phone: '0912345678',
      address: 'Thôn 3, xã Yên Sơn',
      email: null,
    });
    expect(r.body.receivedBy).toBe('Cán bộ Bộ phận một cửa UBND xã');
    expect(r.body.history.map((h: { actorName: string }) => h.actorName)).toEqual([
      'Cán bộ Bộ phận một cửa UBND xã',
      'Cán bộ Bộ phận một cửa UBND xã',
      'Cán bộ Công chức Tư pháp - Hộ tịch xã',
    ]);
    expect(r.body.history[2].payload.note).toBe('Hồ sơ hợp lệ');
    expect(r.body.controlSlip.map((c: { actorName: string }) => c.actorName)).toContain(
      'Cán bộ Công chức Tư pháp - Hộ tịch xã',
    );
    expect(r.body.slips[0]).toMatchObject({
      kind: 'receipt',
      issuedByName: 'Cán bộ Bộ phận một cửa UBND xã',
    });
  });

  it('judges a period still running as of now: not overdue before the appointment, overdue after', async () => {
    const overdue = async (local: string) => {
      rt.clock.set(local);
      const token = await rt.login('ubnd-xa');
      const r = await rt.call('GET', '/api/reports/summary?from=2026-03-01&to=2026-03-31', {
        token,
      });
      expect(r.status).toBe(200);
      return { overdue: r.body.total.overdue, inProgress: r.body.total.inProgress };
    };
    // Due at 17:00 on 2 March (received "within the day").
    expect(await overdue('2026-03-02T10:00')).toEqual({ overdue: 0, inProgress: 1 });
    expect(await overdue('2026-03-02T17:30')).toEqual({ overdue: 1, inProgress: 1 });
  });

  it('tells the desk which unit receives each procedure', async () => {
    const r = await rt.call('GET', '/api/procedures', { token: desk });
    const birth = r.body.items.find((i: { id: string }) => i.id === 'dang-ky-khai-sinh');
    expect(birth.receivingUnit).toBe('mot-cua-xa');
  });

  it('lists the most urgent first, page by page, undated ones last', async () => {
    rt.clock.set('2026-03-03T07:30');
    const token = await rt.login('mot-cua-xa');
    const at = async (local: string, accept: boolean) => {
      rt.clock.set(local);
      const r = await rt.call('POST', '/api/dossiers', {
        token,
        body: { ...BIRTH_RECEIPT, accept },
      });
      expect(r.status).toBe(201);
      return r.body.id as string;
    };
    // Received after the cut-off: due the next working day; before it: the same day.
    const late = await at('2026-03-03T16:00', true);
    const early = await at('2026-03-03T08:00', true);
    const undated = await at('2026-03-03T09:00', false);
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const page: {
        status: number;
        body: {
          items: { id: string; appointmentDate: string | null }[];
          nextCursor: string | null;
        };
      } = await rt.call(
        'GET',
        `/api/dossiers?receivedBy=mot-cua-xa&sort=due&limit=1${cursor ? `&cursor=${cursor}` : ''}`,
        { token },
      );
      expect(page.status).toBe(200);
      seen.push(...page.body.items.map((i) => i.id));
      cursor = page.body.nextCursor;
    } while (cursor);
    expect(seen.indexOf(id)).toBeLessThan(seen.indexOf(early));
    expect(seen.indexOf(early)).toBeLessThan(seen.indexOf(late));
    expect(seen.indexOf(late)).toBeLessThan(seen.indexOf(undated));
    expect(new Set(seen).size).toBe(seen.length);
    expect(seen.length).toBe(4);
  });
});
