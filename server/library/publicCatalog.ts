import {
  foldDiacritics,
  receptionForm,
  resultDeliveryOf,
  type Procedure,
  type UnitCatalog,
} from '../../engine/index.ts';
import type { ProcedureRegistry } from './procedureRegistry.ts';

/** Folded for search: no accents, lower case. */
const fold = (text: string) => foldDiacritics(text).toLowerCase();

/** One line of the public catalog (niêm yết công khai thủ tục hành chính). */
export interface CatalogSummary {
  readonly id: string;
  readonly code: string | null;
  readonly name: Procedure['name'];
  readonly field: string;
  readonly level: string;
  readonly agency: NonNullable<Procedure['agency']> | null;
  readonly deadline: Procedure['deadline'];
  readonly onlineService: Procedure['onlineService'];
  readonly feeVnd: number;
  /** A fee depends on the form (tiers, a rate, per copy): `feeVnd` is the least amount. */
  readonly feeVaries: boolean;
}

/** A page of the catalog. */
export interface CatalogPage {
  readonly total: number;
  readonly page: number;
  readonly pageSize: number;
  readonly items: readonly CatalogSummary[];
  /** Every field (lĩnh vực) of the catalog, for the filter. */
  readonly fields: readonly string[];
}

interface Indexed {
  readonly version: string;
  readonly summary: CatalogSummary;
  /** Name, code and field, folded (no accents, lower case). */
  readonly text: string;
}

/**
 * The public catalog, generated from the procedures in effect (one source of truth): searched and
 * paged on the server, the folded search text of each version computed once.
 */
export class PublicCatalog {
  private readonly index = new Map<string, Indexed>();

  constructor(private readonly registry: ProcedureRegistry) {}

  private entries(now: number): Indexed[] {
    const out: Indexed[] = [];
    for (const current of this.registry.list()) {
      const entry = this.registry.inEffect(current.procedure.id, now);
      if (!entry) continue;
      const p = entry.procedure;
      let indexed = this.index.get(p.id);
      if (!indexed || indexed.version !== entry.version) {
        indexed = {
          version: entry.version,
          summary: {
            id: p.id,
            code: p.code ?? null,
            name: p.name,
            field: p.field,
            level: p.level,
            agency: p.agency ?? null,
            deadline: p.deadline,
            onlineService: p.onlineService,
            feeVnd: p.fees.reduce((sum, f) => sum + f.amountVnd, 0),
            feeVaries: p.fees.some((f) => f.compute !== undefined),
          },
          text: fold(`${p.name.vi} ${p.name.en} ${p.code ?? ''} ${p.field}`),
        };
        this.index.set(p.id, indexed);
      }
      out.push(indexed);
    }
    return out;
  }

  /** A page of the procedures whose name, code or field holds every word of `q`. */
  search(
    query: { q?: string; field?: string; online?: boolean; page: number; pageSize: number },
    now: number,
  ): CatalogPage {
    const all = this.entries(now);
    const words = fold(query.q ?? '')
      .split(/\s+/)
      .filter(Boolean);
    const field = query.field ? fold(query.field.trim()) : undefined;
    const matches = all
      .filter(
        (e) =>
          words.every((w) => e.text.includes(w)) &&
          (!field || fold(e.summary.field) === field) &&
          (!query.online || e.summary.onlineService !== 'none'),
      )
      .sort((a, b) => a.summary.name.vi.localeCompare(b.summary.name.vi, 'vi'));
    const start = (query.page - 1) * query.pageSize;
    return {
      total: matches.length,
      page: query.page,
      pageSize: query.pageSize,
      items: matches.slice(start, start + query.pageSize).map((e) => e.summary),
      fields: [...new Set(all.map((e) => e.summary.field))].sort((a, b) =>
        a.localeCompare(b, 'vi'),
      ),
    };
  }
}

/** Everything a citizen reads about one procedure: the public sheet, and its e-form to fill. */
export function publicProcedure(procedure: Procedure, version: string, units: UnitCatalog) {
  const initial = procedure.machine.states[procedure.machine.initial];
  const unitId = initial?.meta?.unit ?? null;
  const unit = units.units.find((u) => u.id === unitId);
  const form = receptionForm(procedure);
  return {
    id: procedure.id,
    version,
    code: procedure.code ?? null,
    name: procedure.name,
    field: procedure.field,
    level: procedure.level,
    agency: procedure.agency ?? null,
    legalBasis: procedure.legalBasis,
    deadline: procedure.deadline,
    fees: procedure.fees,
    documents: procedure.documents,
    forms: procedure.forms.map((f) => ({ id: f.id, title: f.title })),
    /** The e-form filled on submission (the desk's reception form). */
    form: form ?? null,
    onlineService: procedure.onlineService,
    result: procedure.result ?? null,
    resultDelivery: resultDeliveryOf(procedure),
    /** Where to submit: the unit of the first step (bộ phận một cửa). */
    submitTo: unit ? { id: unit.id, name: unit.name } : unitId ? { id: unitId, name: null } : null,
  };
}
