import type { BuildTrigger } from '@clinic/shared-types';

/** One reason to build: a webhook event, or one of the publisher's own (startup, manual, retry). */
export interface TriggerEvent {
  event: string;
  model?: string | null | undefined;
}

/** Publisher-made events, so every build's trigger reads the same way. */
export const STARTUP_EVENT = 'publisher.startup';
export const MANUAL_EVENT = 'publisher.manual';
export const RETRY_EVENT = 'publisher.retry';

/** Accumulates a burst of events into one trigger. */
export class TriggerAccumulator {
  readonly #events = new Map<string, number>();
  readonly #models = new Set<string>();
  #count = 0;
  readonly firstAt: number;
  #lastAt: number;

  constructor(at: number) {
    this.firstAt = at;
    this.#lastAt = at;
  }

  add(event: TriggerEvent, at: number): void {
    this.#events.set(event.event, (this.#events.get(event.event) ?? 0) + 1);
    if (event.model) this.#models.add(event.model);
    this.#count += 1;
    this.#lastAt = at;
  }

  toTrigger(): BuildTrigger {
    return {
      // fromEntries defines own properties, so an event named "__proto__" stays plain data.
      events: Object.fromEntries(this.#events),
      models: [...this.#models].sort(),
      count: this.#count,
      firstAt: new Date(this.firstAt).toISOString(),
      lastAt: new Date(this.#lastAt).toISOString(),
    };
  }
}

/** "entry.publish x3, media.update (faq, program-level)" for log lines. */
export function describeTrigger(trigger: BuildTrigger): string {
  const events = Object.entries(trigger.events)
    .map(([name, count]) => (count > 1 ? `${name} x${count}` : name))
    .join(', ');
  return trigger.models.length > 0 ? `${events} (${trigger.models.join(', ')})` : events;
}
