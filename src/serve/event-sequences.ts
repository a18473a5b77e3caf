/**
 * Events as the service receives them (one object per event, JSON) into a `SequenceSet` for the
 * encoders: one sequence per user, events sorted by time (stable), vocabularies built from the
 * given ids. Only at the service boundary do events exist as objects; inside they are columns.
 */
import { BEHAVIOR_CODE, type Behavior, type SequenceSet } from '../data/sequence-set.js';

export interface ServedEvent {
  item: string;
  category?: string;
  behavior: Behavior;
  ts: number;
}

/**
 * One sequence per entry of `users`, in order.
 * @throws RangeError for an unknown behavior or a non-finite ts (the request schema rejects both first).
 * @example sequencesFromEvents([{ user: 'u1', events: [{ item: '7', behavior: 'pv', ts: 1 }] }]).items
 */
export function sequencesFromEvents(
  users: readonly { user: string; events: readonly ServedEvent[] }[],
): SequenceSet {
  let total = 0;
  for (const u of users) total += u.events.length;
  const offsets = new Int32Array(users.length + 1);
  const items = new Int32Array(total);
  const categories = new Int32Array(total);
  const behaviors = new Uint8Array(total);
  const ts = new Float64Array(total);
  const itemIndex = new Map<string, number>();
  const categoryIndex = new Map<string, number>();
  const code = (map: Map<string, number>, key: string) => {
    let id = map.get(key);
    if (id === undefined) map.set(key, (id = map.size));
    return id;
  };
  let e = 0;
  users.forEach((u, s) => {
    const order = u.events.map((_, i) => i).sort((a, b) => u.events[a].ts - u.events[b].ts || a - b);
    for (const i of order) {
      const ev = u.events[i];
      const b = BEHAVIOR_CODE[ev.behavior];
      if (b === undefined)
        throw new RangeError(
          `sequencesFromEvents: behavior "${ev.behavior}" is not one of ${Object.keys(BEHAVIOR_CODE).join(', ')}`,
        );
      if (!Number.isFinite(ev.ts)) throw new RangeError(`sequencesFromEvents: ts (${ev.ts}) must be finite`);
      items[e] = code(itemIndex, ev.item);
      categories[e] = ev.category === undefined ? -1 : code(categoryIndex, ev.category);
      behaviors[e] = b;
      ts[e] = ev.ts;
      e++;
    }
    offsets[s + 1] = e;
  });
  return {
    users: users.map((u) => u.user),
    offsets,
    items,
    behaviors,
    ts,
    categories,
    itemVocab: [...itemIndex.keys()],
    categoryVocab: [...categoryIndex.keys()],
    keyedBy: 'user',
  };
}
