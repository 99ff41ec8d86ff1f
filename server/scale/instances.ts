/**
 * Which instances are alive: each says so on Redis every `beatMs`, and says goodbye when
 * it stops; one silent for `deadAfterMs` is taken for dead (a SIGKILL says nothing), and
 * the presence its connections showed is cleared everywhere.
 */
import type { RedisBus } from "./redis-bus";

const channel = "maillage:instances";

export interface Heartbeat {
  beatMs: number;
  deadAfterMs: number;
}

export class Instances {
  private readonly lastHeard = new Map<string, number>();
  private readonly goneListeners = new Set<(instanceId: string) => void>();
  private timer: NodeJS.Timeout | null = null;

  constructor(
    private readonly bus: RedisBus,
    private readonly heartbeat: Heartbeat = { beatMs: 1000, deadAfterMs: 5000 },
  ) {}

  onGone(listener: (instanceId: string) => void): void {
    this.goneListeners.add(listener);
  }

  async start(): Promise<void> {
    await this.bus.subscribe(channel, (message) => this.heard(message.toString()));
    this.bus.publish(channel, `alive ${this.bus.instanceId}`);
    this.timer = setInterval(() => {
      this.bus.publish(channel, `alive ${this.bus.instanceId}`);
      const now = Date.now();
      for (const [instanceId, at] of this.lastHeard) {
        if (now - at > this.heartbeat.deadAfterMs) this.gone(instanceId);
      }
    }, this.heartbeat.beatMs);
    this.timer.unref();
  }

  stop(): void {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
    this.bus.publish(channel, `gone ${this.bus.instanceId}`);
  }

  private heard(message: string): void {
    const [what, instanceId] = message.split(" ");
    if (!instanceId || instanceId === this.bus.instanceId) return;
    if (what === "gone") this.gone(instanceId);
    else this.lastHeard.set(instanceId, Date.now());
  }

  private gone(instanceId: string): void {
    this.lastHeard.delete(instanceId);
    for (const listener of this.goneListeners) listener(instanceId);
  }
}
