import type { DossierService } from './dossierService.ts';

/**
 * Fires due timers (step deadlines, due-soon and overdue warnings, `after` transitions) every
 * interval. Timers are rows, so a restart loses none: the first tick after start fires what fell
 * due while the server was down.
 */
export class Scheduler {
  private timer: NodeJS.Timeout | undefined;
  private running = false;
  /** Ticks run, timers fired and failed ticks, for the metrics. */
  readonly stats = { ticks: 0, fired: 0, errors: 0 };

  constructor(
    private readonly dossiers: DossierService,
    private readonly intervalMs: number,
    private readonly onError: (error: unknown) => void = (e) => console.error('scheduler:', e),
  ) {}

  /** Start ticking (no-op when the interval is 0). */
  start(): void {
    if (this.intervalMs <= 0 || this.timer) return;
    this.timer = setInterval(() => void this.tick(), this.intervalMs);
    this.timer.unref();
    void this.tick();
  }

  /** Fire everything due now; returns how many timers fired. */
  async tick(): Promise<number> {
    if (this.running) return 0;
    this.running = true;
    try {
      let total = 0;
      for (;;) {
        const fired = await this.dossiers.fireDueTimers(50);
        total += fired;
        this.stats.fired += fired;
        if (fired < 50) return total;
      }
    } catch (error) {
      this.stats.errors++;
      this.onError(error);
      return 0;
    } finally {
      this.stats.ticks++;
      this.running = false;
    }
  }

  /** Whether it is ticking (false when stopped or when the interval is 0). */
  get started(): boolean {
    return this.timer !== undefined;
  }

  /** Stop ticking. */
  stop(): void {
    if (this.timer) clearInterval(this.timer);
    this.timer = undefined;
  }
}
