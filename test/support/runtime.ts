import { cpSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseConfig } from '../../server/config.ts';
import { createUser, DEMO_PASSWORD } from '../../server/seed.ts';
import { startRuntime, type Runtime } from '../../server/startRuntime.ts';
import { ApiContract } from './apiContract.ts';
import { createPostgresDatabase } from './databases.ts';
import { PROCEDURES_DIR } from './procedures.ts';

/** A settable clock for tests: instants are Vietnam local times. */
export class TestClock {
  constructor(public ms: number) {}
  set(local: string): void {
    this.ms = Date.parse(`${local}+07:00`);
  }
  now = (): number => this.ms;
}

/** A runtime on a fresh database of the dialect, over a copy of the procedure library. */
export interface TestRuntime extends Runtime {
  readonly clock: TestClock;
  readonly proceduresDir: string;
  /** Bearer token of a user. */
  login(username: string, password?: string): Promise<string>;
  /** `app.request` with JSON and a token. */
  call(
    method: string,
    path: string,
    options?: { token?: string; body?: unknown; headers?: Record<string, string> },
  ): Promise<{ status: number; body: any }>;
  dispose(): Promise<void>;
}

/** Start a runtime for a test suite; the scheduler is driven by hand (`scheduler.tick()`). */
export async function startTestRuntime(
  dialect: 'sqlite' | 'postgres',
  options: {
    databaseUrl?: string;
    proceduresDir?: string;
    seed?: boolean;
    /** More configuration variables (e.g. `TRUST_PROXY`). */
    env?: Record<string, string>;
  } = {},
): Promise<TestRuntime> {
  const proceduresDir =
    options.proceduresDir ?? join(mkdtempSync(join(tmpdir(), 'motcua-lib-')), 'procedures');
  if (!options.proceduresDir) cpSync(PROCEDURES_DIR, proceduresDir, { recursive: true });
  const pgdb =
    dialect === 'postgres' && !options.databaseUrl ? await createPostgresDatabase() : undefined;
  const databaseUrl = options.databaseUrl ?? pgdb?.url ?? 'sqlite::memory:';
  const clock = new TestClock(Date.parse('2026-03-02T08:00:00+07:00'));
  const config = parseConfig({
    DATABASE_URL: databaseUrl,
    PROCEDURES_DIR: proceduresDir,
    SCHEDULER_INTERVAL_MS: '0',
    SEED_DEMO_USERS: options.seed === false ? 'false' : 'true',
    DESIGNER_DIR: join(proceduresDir, 'no-designer'),
    ...options.env,
  });
  const runtime = await startRuntime(config, { now: clock.now, startScheduler: false });
  const OPENAPI = '/api/openapi.json';
  let contract: ApiContract | undefined;
  const call: TestRuntime['call'] = async (method, path, opts = {}) => {
    const headers: Record<string, string> = { ...(opts.headers ?? {}) };
    if (opts.token) headers.authorization = `Bearer ${opts.token}`;
    let body: string | undefined;
    if (opts.body !== undefined) {
      headers['content-type'] ??= 'application/json';
      body = typeof opts.body === 'string' ? opts.body : JSON.stringify(opts.body);
    }
    const res = await runtime.app.request(path, {
      method,
      headers,
      ...(body !== undefined ? { body } : {}),
    });
    const text = await res.text();
    let parsed: unknown = text;
    try {
      parsed = JSON.parse(text);
    } catch {
      // not JSON
    }
    // Every JSON answer whose schema the OpenAPI document declares must conform to it: the
    // whole suite checks the published contract, not only the tests written for it.
    if (res.headers.get('content-type')?.includes('application/json') && path !== OPENAPI) {
      contract ??= new ApiContract(
        (await (await runtime.app.request(OPENAPI)).json()) as ConstructorParameters<
          typeof ApiContract
        >[0],
      );
      if (contract.declared(method, path, res.status)) {
        const departures = contract.check(method, path, res.status, parsed);
        if (departures.length)
          throw new Error(
            `${method} ${path} answered ${res.status} outside its OpenAPI schema: ${departures.join('; ')}`,
          );
      }
    }
    return { status: res.status, body: parsed };
  };
  return {
    ...runtime,
    clock,
    proceduresDir,
    call,
    async login(username, password = DEMO_PASSWORD) {
      const r = await call('POST', '/api/auth/login', { body: { username, password } });
      if (r.status !== 200)
        throw new Error(`login ${username}: ${r.status} ${JSON.stringify(r.body)}`);
      return r.body.token as string;
    },
    async dispose() {
      await runtime.close();
      await pgdb?.drop();
    },
  };
}

/** The e-form data of a complete birth registration. */
export const BIRTH_DATA = {
  hoTenTre: 'Nguyễn Văn An',
  gioiTinh: 'Nam',
  ngaySinh: '2026-02-20',
  noiSinh: 'Trạm y tế xã',
  hoTenMe: 'Trần Thị Bình',
  nguoiKhai: 'Nguyễn Văn Cường',
  soDinhDanhNguoiKhai: '001090012345',
  quanHe: 'Cha',
};

/** A request body receiving a complete birth registration at the desk. */
export const BIRTH_RECEIPT = {
  procedureId: 'dang-ky-khai-sinh',
  applicant: { name: 'Nguyễn Văn Cường', idNumber: '001090012345', phone: '0912345678' },
  channel: 'desk',
  data: BIRTH_DATA,
  documents: ['toKhai', 'giayChungSinh'],
};

export { createUser };
