import { BULK_LOAD_EVENT, type BuildTrigger } from '@clinic/shared-types';

/** One reason to build: a webhook event, or one of the publisher's own (startup, manual, retry). */
export interface TriggerEvent {
  event: string;
  model?: string | null | undefined;
  /**
   * The Strapi document an `entry.*` webhook is about (`entry.documentId`), so a re-render can
   * fetch that document alone (see `TriggerAccumulator.toChanges`). Without it, everything is
   * fetched again.
   */
  documentId?: string | null | undefined;
}

/** Publisher-made events, so every build's trigger reads the same way. */
export const STARTUP_EVENT = 'publisher.startup';
export const MANUAL_EVENT = 'publisher.manual';
export const RETRY_EVENT = 'publisher.retry';

/**
 * Above this many changed documents in one build, the build fetches everything: the list stays
 * short enough for the loaders' filtered requests, and a burst that large is a bulk change, which
 * a full fetch serves as well.
 */
export const MAX_CHANGED_DOCUMENTS = 500;

/** Accumulates a burst of events into one trigger, and the documents they changed. */
export class TriggerAccumulator {
  readonly #events = new Map<string, number>();
  readonly #models = new Set<string>();
  /** Changed documentIds by model, for `toChanges`. */
  readonly #documents = new Map<string, Set<string>>();
  #documentCount = 0;
  /**
   * An event named no single document (startup, retry, media, bulk load...), or too many were
   * named: fetch everything.
   */
  #everything = false;
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
    this.#addDocument(event);
    this.#count += 1;
    this.#lastAt = at;
  }

  /**
   * Only a webhook of one entry names what changed: its model and documentId. Anything else may
   * have changed any document (a media file shown on many pages, a bulk load, a retry after a
   * build whose content never arrived, the publisher's own first build), so one such event makes
   * the whole build fetch everything.
   */
  #addDocument(event: TriggerEvent): void {
    if (this.#everything) return;
    const { model, documentId } = event;
    if (
      !event.event.startsWith('entry.') ||
      !model ||
      model === BULK_LOAD_EVENT.model ||
      typeof documentId !== 'string' ||
      documentId === ''
    ) {
      this.#everything = true;
      this.#documents.clear();
      return;
    }
    let ids = this.#documents.get(model);
    if (!ids) this.#documents.set(model, (ids = new Set()));
    if (ids.has(documentId)) return;
    ids.add(documentId);
    this.#documentCount += 1;
    if (this.#documentCount > MAX_CHANGED_DOCUMENTS) {
      // Past the cap the list is of no use: keep none of it, however long the burst.
      this.#everything = true;
      this.#documents.clear();
    }
  }

  /**
   * The documents the events changed, by model singular name (`{ faq: ['abc123'] }`), sorted,
   * for the build worker to fetch only those (BuildRequest `changes`); null when everything must
   * be fetched: an event named no single document, or more than `MAX_CHANGED_DOCUMENTS` changed.
   * Never an empty object, which would tell the loaders that nothing changed.
   */
  toChanges(): Record<string, string[]> | null {
    if (this.#everything || this.#documentCount === 0) return null;
    // fromEntries defines own properties, so a model named "__proto__" stays plain data.
    return Object.fromEntries([...this.#documents].map(([model, ids]) => [model, [...ids].sort()]));
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
