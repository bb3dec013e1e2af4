import { createHash } from 'node:crypto';
import { existsSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join, resolve, sep } from 'node:path';
import type { Kysely } from 'kysely';
import {
  formatProcedure,
  hasErrors,
  locatePointer,
  procedureVersion,
  validateProcedure,
  type Problem,
  type Procedure,
  type UnitCatalog,
} from '../../engine/index.ts';
import type { Database } from '../db/schema.ts';
import { CheckCache } from './checkCache.ts';
import { checkProcedureTexts } from './checkProcedures.ts';
import { expandPaths, fileKind, ProcedureLoadError } from './procedureFiles.ts';
import { PublicationLog, type Publication } from './publications.ts';

export { ProcedureLoadError };

/** A procedure as the runtime holds it: its content, version and the file it came from. */
export interface RegisteredProcedure {
  readonly procedure: Procedure;
  readonly version: string;
  readonly file: string;
  /** Hash of the file's bytes: a save is refused when the file changed since it was read. */
  readonly etag: string;
  readonly problems: readonly Problem[];
}

/** Hash of file bytes, used as an HTTP ETag. */
export function etagOf(text: string): string {
  return createHash('sha256').update(text).digest('hex').slice(0, 32);
}

const SLUG = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
/** Names of the library that are not procedures. */
const RESERVED = new Set(['units', 'calendars', 'procedure']);

/**
 * The procedure library loaded in the server: the current definition of each procedure (from
 * `procedures/`), and every version ever registered (from the database), so a dossier always
 * runs on the version it started with.
 */
export class ProcedureRegistry {
  private readonly current = new Map<string, RegisteredProcedure>();
  private readonly versions = new Map<string, Procedure>();
  /** Told of every saved definition (the runtime tells the other server processes). */
  onSaved: (id: string) => void = () => undefined;
  /** Who published which version, effective from when. */
  readonly publications: PublicationLog;

  constructor(
    private readonly db: Kysely<Database>,
    readonly dir: string,
    private units: UnitCatalog,
  ) {
    this.publications = new PublicationLog(db);
  }

  /**
   * Load every procedure file; throws `ProcedureLoadError` listing the invalid ones. Unchanged
   * files are not validated again (the library's check cache, by content hash); changed ones are
   * validated on every core; what is new is written to the database in one transaction.
   */
  async loadAll(now: number): Promise<void> {
    const failures: ConstructorParameters<typeof ProcedureLoadError>[0][number][] = [];
    const files = expandPaths([this.dir]).filter((f) => fileKind(f) === 'procedure');
    const texts = files.map((file) => readFileSync(file, 'utf8'));
    const checks = checkProcedureTexts(
      texts.map((text) => ({ text, units: this.units })),
      CheckCache.open(this.dir, now),
    );
    const loaded: RegisteredProcedure[] = [];
    files.forEach((file, i) => {
      const text = texts[i]!;
      const { problems, version } = checks[i]!;
      if (version === null) {
        for (const p of problems.filter((x) => x.severity === 'error')) {
          const at =
            p.code === 'json-syntax' ? { line: 1, column: 1 } : locatePointer(text, p.path);
          failures.push({ file, path: p.path, ...at, message: `${p.code}: ${p.message.en}` });
        }
        return;
      }
      const procedure = JSON.parse(text) as Procedure;
      const expected = join(this.dir, `${procedure.id}.json`);
      if (resolve(file) !== resolve(expected)) {
        failures.push({
          file,
          path: '/id',
          line: locatePointer(text, '/id').line,
          column: 1,
          message: `id "${procedure.id}" does not match the file name`,
        });
        return;
      }
      loaded.push({ procedure, version, file, etag: etagOf(text), problems });
    });
    if (failures.length > 0) throw new ProcedureLoadError(failures);
    await this.publications.load();
    // Only the versions the database does not hold yet are sent (their content is large).
    const known = new Set(
      (
        await this.db.selectFrom('procedure_versions').select(['procedure_id', 'version']).execute()
      ).map((r) => `${r.procedure_id}@${r.version}`),
    );
    await this.db.transaction().execute(async (trx) => {
      const fresh = loaded.filter((e) => !known.has(`${e.procedure.id}@${e.version}`));
      for (let i = 0; i < fresh.length; i += 100) {
        await trx
          .insertInto('procedure_versions')
          .values(
            fresh.slice(i, i + 100).map((e) => ({
              procedure_id: e.procedure.id,
              version: e.version,
              content: JSON.stringify(e.procedure),
              registered_at: now,
            })),
          )
          .onConflict((oc) => oc.columns(['procedure_id', 'version']).doNothing())
          .execute();
      }
      for (const entry of loaded) await this.recordFileVersion(entry, now, trx);
    });
    for (const entry of loaded) {
      this.current.set(entry.procedure.id, entry);
      this.versions.set(`${entry.procedure.id}@${entry.version}`, entry.procedure);
    }
    // The versions publications point at, so that the one in effect is known without a query;
    // their content is read only for those that are not the files' (few: pending or past ones).
    const published = await this.db
      .selectFrom('procedure_publications')
      .select(['procedure_id', 'version'])
      .distinct()
      .execute();
    const missing = published.filter((p) => !this.versions.has(`${p.procedure_id}@${p.version}`));
    const wanted = new Set(missing.map((p) => `${p.procedure_id}@${p.version}`));
    for (let i = 0; i < missing.length; i += 200) {
      const chunk = missing.slice(i, i + 200);
      const rows = await this.db
        .selectFrom('procedure_versions')
        .select(['procedure_id', 'version', 'content'])
        .where('procedure_id', 'in', [...new Set(chunk.map((p) => p.procedure_id))])
        .where('version', 'in', [...new Set(chunk.map((p) => p.version))])
        .execute();
      for (const row of rows) {
        const key = `${row.procedure_id}@${row.version}`;
        if (wanted.has(key)) this.versions.set(key, JSON.parse(row.content) as Procedure);
      }
    }
  }

  /**
   * A file version nobody published in the designer (the first start, a hand edit, a git pull)
   * is recorded as published from the file: in effect at once, or since always for the first
   * version of a procedure, so that dossiers of any date have a version to run on.
   */
  private async recordFileVersion(
    entry: RegisteredProcedure,
    now: number,
    db: Kysely<Database> = this.db,
  ): Promise<void> {
    const id = entry.procedure.id;
    const known = this.publications.of(id);
    if (known.some((p) => p.version === entry.version)) return;
    await this.publications.record(
      {
        procedureId: id,
        version: entry.version,
        publishedBy: null,
        submittedBy: null,
        publishedAt: now,
        effectiveFrom: known.length === 0 ? 0 : now,
        decisionNumber: null,
        source: 'file',
      },
      db,
    );
  }

  private async register(
    procedure: Procedure,
    file: string,
    text: string,
    problems: readonly Problem[],
    now: number,
  ): Promise<RegisteredProcedure> {
    const version = procedureVersion(procedure);
    await this.db
      .insertInto('procedure_versions')
      .values({
        procedure_id: procedure.id,
        version,
        content: JSON.stringify(procedure),
        registered_at: now,
      })
      .onConflict((oc) => oc.columns(['procedure_id', 'version']).doNothing())
      .execute();
    const entry: RegisteredProcedure = { procedure, version, file, etag: etagOf(text), problems };
    this.current.set(procedure.id, entry);
    this.versions.set(`${procedure.id}@${version}`, procedure);
    return entry;
  }

  /**
   * The current definition, re-read when its file changed on disk since it was registered (a
   * hand edit, a git pull), so that what is shown always matches the ETag given with it and a
   * save can never silently overwrite the edit. A changed file that does not validate keeps the
   * registered definition and its ETag: a save is then refused as a conflict.
   */
  async refresh(id: string, now: number): Promise<RegisteredProcedure | undefined> {
    const entry = this.current.get(id);
    const text = this.readFile(id);
    if (!entry || text === undefined || etagOf(text) === entry.etag) return entry;
    const problems = validateProcedure(text, { units: this.units });
    if (hasErrors(problems)) return entry;
    const procedure = JSON.parse(text) as Procedure;
    if (procedure.id !== id) return entry;
    const fresh = await this.register(procedure, entry.file, text, problems, now);
    await this.recordFileVersion(fresh, now);
    return fresh;
  }

  /**
   * The version of a procedure in effect at an instant: the last publication whose effective
   * date has come (a version published today to take effect next Monday leaves today's
   * receptions on the one before). Undefined for an id never published.
   */
  inEffect(id: string, at: number): RegisteredProcedure | undefined {
    const current = this.current.get(id);
    if (!current) return undefined;
    const publication = this.publications.inEffect(id, at);
    if (!publication || publication.version === current.version) return current;
    const procedure = this.versions.get(`${id}@${publication.version}`);
    if (!procedure) return current;
    return {
      procedure,
      version: publication.version,
      file: current.file,
      etag: etagOf(formatProcedure(procedure)),
      problems: [],
    };
  }

  /** Take up a definition another server process saved: re-read its file, new ones included. */
  async reload(id: string, now: number): Promise<void> {
    // The publishing process recorded who published it and from when: read that first, so the
    // changed file is not taken for a hand edit in effect at once.
    await this.publications.load();
    if (this.current.has(id)) {
      await this.refresh(id, now);
      return;
    }
    const file = this.fileFor(id);
    const text = this.readFile(id);
    if (!file || text === undefined) return;
    const problems = validateProcedure(text, { units: this.units });
    if (hasErrors(problems) || (JSON.parse(text) as Procedure).id !== id) return;
    await this.register(JSON.parse(text) as Procedure, file, text, problems, now);
  }

  /** All current procedures, sorted by id. */
  list(): RegisteredProcedure[] {
    return [...this.current.values()].sort((a, b) => a.procedure.id.localeCompare(b.procedure.id));
  }

  /** The latest published definition of a procedure (its file), in effect or not yet. */
  get(id: string): RegisteredProcedure | undefined {
    return this.current.get(id);
  }

  /** A pinned version of a procedure (for a dossier started on it). */
  async version(id: string, version: string): Promise<Procedure | undefined> {
    const key = `${id}@${version}`;
    const cached = this.versions.get(key);
    if (cached) return cached;
    const row = await this.db
      .selectFrom('procedure_versions')
      .select('content')
      .where('procedure_id', '=', id)
      .where('version', '=', version)
      .executeTakeFirst();
    if (!row) return undefined;
    const procedure = JSON.parse(row.content) as Procedure;
    this.versions.set(key, procedure);
    return procedure;
  }

  /**
   * The file a procedure id is stored in; undefined for an id that is not a safe slug or names
   * another file of the library (`units`, the `calendars` folder).
   */
  fileFor(id: string): string | undefined {
    if (!SLUG.test(id) || id.length > 100 || RESERVED.has(id)) return undefined;
    if (fileKind(`${id}.json`) !== 'procedure') return undefined;
    const file = resolve(this.dir, `${id}.json`);
    return file.startsWith(resolve(this.dir) + sep) ? file : undefined;
  }

  /** The current text of the file on disk, if any. */
  readFile(id: string): string | undefined {
    const file = this.fileFor(id);
    return file && existsSync(file) ? readFileSync(file, 'utf8') : undefined;
  }

  /**
   * Save a definition as its canonical file (and its layout sidecar). `expectedEtag` is the
   * ETag of the file as the editor read it (null for a new procedure): when the file changed on
   * disk since, nothing is written and `conflict` is returned.
   */
  async save(
    procedure: Procedure,
    layout: unknown,
    expectedEtag: string | null,
    now: number,
  ): Promise<
    | { kind: 'saved'; entry: RegisteredProcedure }
    | { kind: 'conflict'; etag: string | null }
    | { kind: 'invalid'; problems: Problem[] }
  > {
    const file = this.fileFor(procedure.id)!;
    const onDisk = this.readFile(procedure.id);
    const diskEtag = onDisk === undefined ? null : etagOf(onDisk);
    if (diskEtag !== expectedEtag) return { kind: 'conflict', etag: diskEtag };
    const text = formatProcedure(procedure);
    const problems = validateProcedure(text, { units: this.units });
    if (hasErrors(problems)) return { kind: 'invalid', problems };
    // Write then rename: a crash mid-write never leaves half a procedure file.
    writeFileSync(`${file}.tmp`, text);
    renameSync(`${file}.tmp`, file);
    if (layout !== undefined && layout !== null) {
      const layoutFile = file.replace(/\.json$/, '.layout.json');
      writeFileSync(`${layoutFile}.tmp`, formatProcedure(layout));
      renameSync(`${layoutFile}.tmp`, layoutFile);
    }
    const entry = await this.register(procedure, file, text, problems, now);
    this.onSaved(procedure.id);
    return { kind: 'saved', entry };
  }

  /**
   * Publish a reviewed definition: write its file (and layout) like `save`, then record who
   * published it, effective from when, under which decision.
   */
  async publish(
    procedure: Procedure,
    layout: unknown,
    expectedEtag: string | null,
    record: Pick<Publication, 'publishedBy' | 'submittedBy' | 'effectiveFrom' | 'decisionNumber'>,
    now: number,
  ): Promise<
    | { kind: 'published'; entry: RegisteredProcedure; publication: Publication }
    | { kind: 'conflict'; etag: string | null }
    | { kind: 'invalid'; problems: Problem[] }
  > {
    const result = await this.save(procedure, layout, expectedEtag, now);
    if (result.kind !== 'saved') return result;
    const publication = await this.publications.record({
      procedureId: procedure.id,
      version: result.entry.version,
      publishedAt: now,
      source: 'review',
      ...record,
    });
    return { kind: 'published', entry: result.entry, publication };
  }

  /** The layout sidecar of a procedure, if any. */
  layout(id: string): unknown {
    const file = this.fileFor(id);
    const layoutFile = file?.replace(/\.json$/, '.layout.json');
    if (!layoutFile || !existsSync(layoutFile)) return null;
    try {
      return JSON.parse(readFileSync(layoutFile, 'utf8'));
    } catch {
      return null;
    }
  }

  /** The unit catalog the procedures are checked against. */
  catalog(): UnitCatalog {
    return this.units;
  }
}
