import { existsSync, readFileSync } from 'node:fs';
import { basename, dirname, join, relative } from 'node:path';
import { parseArgs } from 'node:util';
import {
  parseJson,
  replayScenarioFile,
  validateScenarioFile,
  type ScenarioFile,
} from '../../engine/index.ts';
import {
  defaultProceduresDir,
  expandPaths,
  fileKind,
  loadCalendar,
} from '../../server/library/procedureFiles.ts';
import { EXIT, type CliContext, type Lang } from '../cliError.ts';
import { loadProcedureFile } from './loadProcedureFile.ts';

export const scenariosHelp = `Usage: motcua scenarios [paths…] [--json]

Chạy lại các kịch bản — replay scenario files (<id>.scenarios.json) through the engine, with the
working calendar of the library (calendars/*.json), and report every expectation that fails.
Paths are scenario files, procedure files (their scenarios) or folders (default: procedures).

Exit: 0 all pass, 1 failures (or a file is missing/invalid), 2 wrong usage.`;

/** One failure of a scenario run, located in its file. */
export interface ScenarioReport {
  readonly file: string;
  readonly scenarios: number;
  readonly failures: readonly { scenario: string; path: string; message: string }[];
}

/** Replay the scenario files found under the paths. */
export function runScenarios(paths: readonly string[], cwd: string): ScenarioReport[] {
  const files = new Set<string>();
  for (const f of expandPaths(paths)) {
    if (fileKind(f) === 'scenarios') files.add(f);
    else if (fileKind(f) === 'procedure') {
      const s = f.replace(/\.json$/, '.scenarios.json');
      if (existsSync(s) || paths.includes(f)) files.add(s);
    }
  }
  const reports: ScenarioReport[] = [];
  for (const file of [...files].sort()) {
    const shown = relative(cwd, file) || file;
    const fail = (message: string) =>
      reports.push({ file: shown, scenarios: 0, failures: [{ scenario: '', path: '', message }] });
    if (!existsSync(file)) {
      fail('no such file');
      continue;
    }
    const parsed = parseJson(readFileSync(file, 'utf8'));
    if (!parsed.ok) {
      fail(parsed.problems[0]!.message.en);
      continue;
    }
    const problems = validateScenarioFile(parsed.value);
    if (problems.length > 0) {
      reports.push({
        file: shown,
        scenarios: 0,
        failures: problems.map((p) => ({ scenario: '', path: p.path, message: p.message.en })),
      });
      continue;
    }
    const scenarioFile = parsed.value as ScenarioFile;
    const procedureFile = join(dirname(file), `${scenarioFile.procedure}.json`);
    if (basename(file) !== `${scenarioFile.procedure}.scenarios.json`) {
      fail(`"procedure" is "${scenarioFile.procedure}" but the file is named ${basename(file)}`);
      continue;
    }
    try {
      const procedure = loadProcedureFile(procedureFile);
      const calendar = loadCalendar(dirname(file));
      reports.push({
        file: shown,
        scenarios: scenarioFile.scenarios.length,
        failures: replayScenarioFile(procedure, scenarioFile, { calendar }),
      });
    } catch (error) {
      fail((error as Error).message);
    }
  }
  return reports;
}

/** `motcua scenarios`. */
export function scenariosCommand(args: readonly string[], ctx: CliContext, lang: Lang): number {
  const { values, positionals } = parseArgs({
    args: [...args],
    options: { json: { type: 'boolean' }, lang: { type: 'string' } },
    allowPositionals: true,
    strict: true,
  });
  const reports = runScenarios(
    positionals.length > 0 ? positionals : [defaultProceduresDir(ctx.cwd)],
    ctx.cwd,
  );
  const failed = reports.reduce((n, r) => n + r.failures.length, 0);
  if (values.json) ctx.stdout(JSON.stringify(reports, null, 2));
  else {
    for (const r of reports) {
      for (const f of r.failures)
        ctx.stdout(
          `${r.file}${f.path ? ` ${f.path}` : ''}${f.scenario ? ` [${f.scenario}]` : ''}: ${f.message}`,
        );
    }
    const total = reports.reduce((n, r) => n + r.scenarios, 0);
    ctx.stdout(
      lang === 'vi'
        ? `${reports.length} tệp, ${total} kịch bản, ${failed} lỗi`
        : `${reports.length} files, ${total} scenarios, ${failed} failures`,
    );
  }
  return failed > 0 ? EXIT.problems : EXIT.ok;
}
