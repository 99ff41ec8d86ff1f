/**
 * Runs jobs a few per turn of the event loop. Projections come due in bursts: a thousand
 * pages edited together fall due in the same timer tick, and running them all there held
 * every delivery for half a second.
 */
export class Lane {
  private readonly waiting: (() => Promise<void>)[] = [];
  private running = 0;
  private scheduled = false;

  constructor(private readonly concurrency: number) {}

  /** Resolves once `job` has run (its failure is the caller's: it rejects likewise). */
  run<T>(job: () => Promise<T>): Promise<T> {
    return new Promise<T>((resolve, reject) => {
      // Through a promise: a job that throws at once is a rejection, not a crash.
      this.waiting.push(() => Promise.resolve().then(job).then(resolve, reject));
      this.schedule();
    });
  }

  /**
   * Never at once: a job that settles without I/O (on SQLite) would free its place within
   * the same turn, and the whole burst would run there after all.
   */
  private schedule(): void {
    if (this.scheduled) return;
    this.scheduled = true;
    setImmediate(() => {
      this.scheduled = false;
      this.start();
    });
  }

  private start(): void {
    while (this.running < this.concurrency) {
      const job = this.waiting.shift();
      if (!job) return;
      this.running++;
      void job().finally(() => {
        this.running--;
        this.schedule();
      });
    }
  }
}
