/**
 * `npm run bench [-- suite…]`: every benchmark, or the named suites, printed as one table and
 * written to bench/results.json with the date and the machine. Figures are compared as ratios
 * within one run: the machines are shared and absolute numbers move.
 */
import { existsSync, writeFileSync } from 'node:fs';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { machineDescription, printTable, type BenchResult } from './benchResult.ts';

type Suite = () => Promise<BenchResult[]>;

const suites: Record<string, () => Promise<Suite>> = {
  engine: async () => (await import('./engineBench.ts')).runEngineBench,
  calendar: async () => (await import('./calendarBench.ts')).runCalendarBench as Suite,
  http: async () => (await import('./httpBench.ts')).runHttpBench,
  report: async () => (await import('./reportBench.ts')).runReportBench,
  scale: async () => (await import('./scaleBench.ts')).runScaleBench,
  designer: async () =>
    (
      await import(
        pathToFileURL(fileURLToPath(new URL('./designerBench.ts', import.meta.url))).href
      )
    ).runDesignerBench as Suite,
  files: async () => (await import('./filesBench.ts')).runFilesBench,
  login: async () => (await import('./loginBench.ts')).runLoginBench,
  library: async () => (await import('./libraryBench.ts')).runLibraryBench,
};

const asked = process.argv.slice(2).filter((a) => !a.startsWith('-'));
const unknown = asked.filter((a) => !(a in suites));
if (unknown.length > 0) {
  console.error(
    `unknown suite(s): ${unknown.join(', ')}; available: ${Object.keys(suites).join(', ')}`,
  );
  process.exit(2);
}
const chosen = asked.length > 0 ? asked : Object.keys(suites);
const results: BenchResult[] = [];
for (const name of chosen) {
  if (
    name === 'designer' &&
    !existsSync(fileURLToPath(new URL('./designerBench.ts', import.meta.url)))
  )
    continue;
  console.error(`running ${name}…`);
  results.push(...(await (await suites[name]!())()));
}
const machine = machineDescription();
console.log(`motcua benchmarks, ${new Date().toISOString().slice(0, 10)}, ${machine}`);
printTable(results);
if (asked.length === 0) {
  writeFileSync(
    fileURLToPath(new URL('./results.json', import.meta.url)),
    JSON.stringify({ date: new Date().toISOString(), machine, results }, null, 2) + '\n',
  );
}
