/**
 * The latest results of a function of its key alone, at most `max` of them: reading or writing
 * one makes it the most recent, and past `max` the least recently used goes.
 */
export class RecentResults<V> {
  readonly #results = new Map<string, V>();

  constructor(readonly max: number) {
    if (!Number.isInteger(max) || max < 1) throw new RangeError(`max must be a positive integer, not ${max}`);
  }

  get(key: string): V | undefined {
    const result = this.#results.get(key);
    if (result !== undefined) {
      this.#results.delete(key);
      this.#results.set(key, result);
    }
    return result;
  }

  set(key: string, result: V): void {
    this.#results.delete(key);
    this.#results.set(key, result);
    if (this.#results.size > this.max) this.#results.delete(this.#results.keys().next().value!);
  }

  get size(): number {
    return this.#results.size;
  }
}
