/**
 * A growable columnar buffer of events (catalog item index, category index, behavior code,
 * unix seconds). The generator reuses one per user, so a log of any size needs no per-event objects.
 */
export class EventBuffer {
  items: Int32Array;
  categories: Int32Array;
  behaviors: Uint8Array;
  ts: Float64Array;
  length = 0;

  constructor(capacity = 256) {
    this.items = new Int32Array(capacity);
    this.categories = new Int32Array(capacity);
    this.behaviors = new Uint8Array(capacity);
    this.ts = new Float64Array(capacity);
  }

  push(item: number, category: number, behavior: number, t: number): void {
    if (this.length === this.items.length) this.grow();
    const i = this.length++;
    this.items[i] = item;
    this.categories[i] = category;
    this.behaviors[i] = behavior;
    this.ts[i] = t;
  }

  /** Append every event of `other`. */
  append(other: EventBuffer): void {
    while (this.length + other.length > this.items.length) this.grow();
    this.items.set(other.items.subarray(0, other.length), this.length);
    this.categories.set(other.categories.subarray(0, other.length), this.length);
    this.behaviors.set(other.behaviors.subarray(0, other.length), this.length);
    this.ts.set(other.ts.subarray(0, other.length), this.length);
    this.length += other.length;
  }

  clear(): void {
    this.length = 0;
  }

  private grow(): void {
    const n = Math.max(16, this.items.length * 2);
    const items = new Int32Array(n);
    items.set(this.items);
    const categories = new Int32Array(n);
    categories.set(this.categories);
    const behaviors = new Uint8Array(n);
    behaviors.set(this.behaviors);
    const ts = new Float64Array(n);
    ts.set(this.ts);
    this.items = items;
    this.categories = categories;
    this.behaviors = behaviors;
    this.ts = ts;
  }
}
