import { cpus, totalmem } from 'node:os';

/** One figure of the benchmark suite. */
export interface BenchResult {
  readonly name: string;
  readonly value: number;
  readonly unit: string;
  readonly note: string;
}

/**
 * Operations per second of `fn` (which returns how many operations it did): warm up, then take
 * the median of several timed rounds, so a noisy neighbour on a shared machine skews less.
 */
export function measure(fn: () => number, { rounds = 7, roundMs = 300 } = {}): number {
  const deadline = performance.now() + roundMs;
  while (performance.now() < deadline) fn();
  const rates: number[] = [];
  for (let r = 0; r < rounds; r++) {
    let ops = 0;
    const t0 = performance.now();
    let t = t0;
    while (t - t0 < roundMs) {
      ops += fn();
      t = performance.now();
    }
    rates.push((ops * 1000) / (t - t0));
  }
  rates.sort((a, b) => a - b);
  return rates[Math.floor(rates.length / 2)]!;
}

/** A one-line description of this machine, printed with the figures. */
export function machineDescription(): string {
  const cpu = cpus();
  return `${cpu.length}× ${cpu[0]?.model ?? 'cpu'}, ${Math.round(totalmem() / 2 ** 30)} GiB, Node ${process.version}`;
}

function format(value: number): string {
  if (value >= 100) return Math.round(value).toLocaleString('en-US');
  return value.toFixed(2);
}

/** Print figures as an aligned table. */
export function printTable(results: readonly BenchResult[]): void {
  const rows = results.map((r) => [r.name, `${format(r.value)} ${r.unit}`, r.note]);
  const w0 = Math.max(...rows.map((r) => r[0]!.length), 6);
  const w1 = Math.max(...rows.map((r) => r[1]!.length), 6);
  console.log(`${'figure'.padEnd(w0)}  ${'value'.padStart(w1)}  what`);
  for (const [a, b, c] of rows) console.log(`${a!.padEnd(w0)}  ${b!.padStart(w1)}  ${c}`);
}
