/** A small generated log and a model fitted on it, shared by the serve tests (seed 11). */
import { generateSequences } from '../../src/data/generate.js';
import { fitModel } from '../../src/serve/fit-model.js';

export function smallLog(users = 240, seed = 11) {
  return generateSequences({
    users,
    segments: 3,
    difficulty: 'easy',
    seed,
    items: 400,
    categories: 24,
    botFraction: 0.05,
    medianViews: 20,
  });
}

export async function smallModel(encoder = 'stats') {
  const log = smallLog();
  const params = encoder === 'tfidf' ? { dim: 8 } : {};
  const { model, fitted } = await fitModel(log.sequences, {
    id: `${encoder}+kmeans.k=3`,
    encoder: { name: encoder, params },
    algorithm: { name: 'kmeans', params: { k: 3, nInit: 2 } },
    seed: 42,
  });
  return { log, model, fitted };
}
