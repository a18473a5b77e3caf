import assert from 'node:assert/strict';
import { test } from 'node:test';
import { candidateGrid, expandEntry, stepId } from '../../src/evaluate/candidate-grid.js';

test('candidateGrid expands list params as a cartesian product with readable ids', () => {
  const grid = candidateGrid(
    [{ name: 'tfidf', params: { dim: [16, 32] } }],
    [{ name: 'kmeans', params: { k: [3, 4], nInit: 2 } }, { name: 'hdbscan' }],
  );
  assert.deepEqual(
    grid.map((c) => c.id),
    [
      'tfidf.dim=16+kmeans.k=3,nInit=2',
      'tfidf.dim=16+kmeans.k=4,nInit=2',
      'tfidf.dim=16+hdbscan',
      'tfidf.dim=32+kmeans.k=3,nInit=2',
      'tfidf.dim=32+kmeans.k=4,nInit=2',
      'tfidf.dim=32+hdbscan',
    ],
  );
  assert.equal(expandEntry({ name: 'gmm', params: { k: [1, 2], covariance: ['full', 'diag'] } }).length, 4);
  assert.equal(
    stepId({ name: 'text', params: { model: '/models/my model' } }),
    'text.model=_models_my_model',
  );
  assert.throws(() => candidateGrid([{ name: 'a' }, { name: 'a' }], [{ name: 'b' }]), /appears twice/);
});
