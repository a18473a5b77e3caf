/**
 * Area under the ROC curve by the Mann-Whitney U statistic with mid-ranks for ties (so equal scores
 * count one half). NaN when either class is empty. O(n log n).
 * @example auroc([0.1, 0.4, 0.35, 0.8], [0, 0, 1, 1]) // 0.75, as sklearn.metrics.roc_auc_score
 */
export function auroc(
  scores: ArrayLike<number>,
  outcomes: ArrayLike<number>,
  weights?: ArrayLike<number>,
): number {
  if (scores.length !== outcomes.length)
    throw new RangeError(`auroc: scores.length (${scores.length}) != outcomes.length (${outcomes.length})`);
  const idx: number[] = [];
  for (let i = 0; i < scores.length; i++)
    if (!Number.isNaN(scores[i]) && (weights === undefined || weights[i] > 0)) idx.push(i);
  idx.sort((a, b) => scores[a] - scores[b]);
  let pos = 0;
  let neg = 0;
  let rankSumPos = 0;
  let cursor = 0; // weighted rank position so far
  for (let i = 0; i < idx.length; ) {
    let j = i;
    let groupWeight = 0;
    let groupPos = 0;
    while (j < idx.length && scores[idx[j]] === scores[idx[i]]) {
      const w = weights ? weights[idx[j]] : 1;
      groupWeight += w;
      if (outcomes[idx[j]] > 0) groupPos += w;
      j++;
    }
    const midRank = cursor + (groupWeight + 1) / 2;
    rankSumPos += groupPos * midRank;
    pos += groupPos;
    neg += groupWeight - groupPos;
    cursor += groupWeight;
    i = j;
  }
  if (pos === 0 || neg === 0) return Number.NaN;
  return (rankSumPos - (pos * (pos + 1)) / 2) / (pos * neg);
}
