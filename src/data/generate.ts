/**
 * In-memory synthetic logs with planted segments, for tests and meta-evaluation. For large logs
 * on disk use `writeGeneratedLog`, which produces the same events without holding them.
 */
import { type ProgressCallback, silentProgress } from '../util/progress.js';
import { EventBuffer } from './generate-event-buffer.js';
import type { GenerateOptions } from './generate-options.js';
import {
  type GeneratedTruth,
  type GenerationPlan,
  planGeneration,
  simulatePlannedUser,
} from './generate-plan.js';
import type { SequenceSet } from './sequence-set.js';

export interface GeneratedLog {
  sequences: SequenceSet;
  truth: GeneratedTruth;
  /** Catalog, segment profiles (configured funnels, activity, ...) and resolved options. */
  plan: GenerationPlan;
}

/**
 * Generate a log with planted segments as a `SequenceSet`, one sequence per user (users in truth
 * order; a user whose events all fell outside the window has an empty sequence).
 * Item and category vocabularies hold the public ids as strings, in order of first appearance.
 * Deterministic: the same options give the same log, bit for bit. O(events) time and memory.
 * @throws RangeError on bad options, naming each (see resolveGenerateOptions).
 * @example generateSequences({ users: 1000, segments: 4, difficulty: 'easy', seed: 1 }).truth.segment
 */
export function generateSequences(
  options: GenerateOptions & { onProgress?: ProgressCallback },
): GeneratedLog {
  const onProgress = options.onProgress ?? silentProgress;
  const plan = planGeneration(options);
  const n = plan.options.users;
  const all = new EventBuffer(Math.max(1024, n * 16));
  const user = new EventBuffer();
  const pending = new EventBuffer();
  const offsets = new Int32Array(n + 1);
  for (let u = 0; u < n; u++) {
    simulatePlannedUser(plan, u, user, pending);
    all.append(user);
    offsets[u + 1] = all.length;
    if ((u & 1023) === 1023 || u === n - 1) onProgress({ task: 'generate', done: u + 1, total: n });
  }
  const m = all.length;
  const itemIndex = new Int32Array(plan.catalog.nItems).fill(-1);
  const categoryIndex = new Int32Array(plan.catalog.nCategories).fill(-1);
  const itemVocab: string[] = [];
  const categoryVocab: string[] = [];
  const items = new Int32Array(m);
  const categories = new Int32Array(m);
  for (let e = 0; e < m; e++) {
    const i = all.items[e];
    if (itemIndex[i] < 0) {
      itemIndex[i] = itemVocab.length;
      itemVocab.push(String(plan.catalog.itemIds[i]));
    }
    items[e] = itemIndex[i];
    const c = all.categories[e];
    if (categoryIndex[c] < 0) {
      categoryIndex[c] = categoryVocab.length;
      categoryVocab.push(String(plan.catalog.categoryIds[c]));
    }
    categories[e] = categoryIndex[c];
  }
  const sequences: SequenceSet = {
    users: plan.truth.users.slice(),
    offsets,
    items,
    behaviors: all.behaviors.slice(0, m),
    ts: all.ts.slice(0, m),
    categories,
    itemVocab,
    categoryVocab,
    keyedBy: 'user',
  };
  return { sequences, truth: plan.truth, plan };
}
