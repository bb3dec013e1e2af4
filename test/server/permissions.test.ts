import { describe, expect, it } from 'vitest';
import { applyEvent, startDossier, type DossierSnapshot } from '../../engine/index.ts';
import type { User } from '../../server/auth/sessions.ts';
import { eventsForUser, permissionFor } from '../../server/runtime/permissions.ts';
import { loadProcedure, mutate } from '../support/procedures.ts';

const vn = (local: string) => new Date(`${local}+07:00`);
const user = (unitId: string, roles: string[]): User => ({
  id: `${unitId}-${roles[0]}`,
  username: unitId,
  displayName: unitId,
  unitId,
  roles,
  isAdmin: false,
});
const desk = user('mot-cua-xa', ['reception']);
const police = user('cong-an-xa', ['specialist']);
const insurance = user('bhxh', ['specialist']);

/** The under-six inter-agency procedure where both parallel branches may send a dossier back. */
const linked = mutate(loadProcedure('lien-thong-tre-duoi-6-tuoi'), (d) => {
  const branches = d.machine.states.lienThong.states;
  branches.congAn.states.dangKyThuongTru.on.REPORT_PROBLEM = {
    target: '#lien-thong-tre-duoi-6-tuoi.traKetQua',
  };
  branches.bhxh.states.capThe.on.REPORT_PROBLEM = {
    target: '#lien-thong-tre-duoi-6-tuoi.traKetQua',
  };
  d.events = { ...d.events, REPORT_PROBLEM: { name: { vi: 'Báo sai sót' } } };
});

function inParallel(): DossierSnapshot {
  let t = startDossier(
    linked,
    { data: { nhomThuTuc: 'Khai sinh, thường trú, thẻ BHYT' } },
    vn('2026-03-02T08:00'),
  );
  const events = ['ACCEPT', 'PROPOSE', 'SIGN', 'TRANSFER'];
  for (const type of events) t = applyEvent(linked, t.snapshot, { type }, vn('2026-03-02T09:00'));
  expect(t.snapshot.machine.value).toMatchObject({ lienThong: { congAn: 'dangKyThuongTru' } });
  return t.snapshot;
}

describe('who may send what', () => {
  it('offers an event defined in several parallel branches to each branch unit', () => {
    const s = inParallel();
    expect(permissionFor(police, linked, s, 'REPORT_PROBLEM', 'mot-cua-xa').allowed).toBe(true);
    expect(permissionFor(insurance, linked, s, 'REPORT_PROBLEM', 'mot-cua-xa').allowed).toBe(true);
    expect(eventsForUser(insurance, linked, s, 'mot-cua-xa').map((e) => e.type)).toContain(
      'REPORT_PROBLEM',
    );
  });

  it('lets the receiving desk enter a withdrawal at any step, and nobody else', () => {
    const s = inParallel();
    expect(permissionFor(desk, linked, s, 'WITHDRAW', 'mot-cua-xa').allowed).toBe(true);
    expect(permissionFor(desk, linked, s, 'WITHDRAW', 'mot-cua-tinh').allowed).toBe(false);
    expect(permissionFor(desk, linked, s, 'REPORT_PROBLEM', 'mot-cua-xa').allowed).toBe(false);
  });
});
