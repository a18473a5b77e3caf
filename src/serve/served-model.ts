/**
 * A loaded model ready to answer: encodes users' events, assigns them to segments, scores risk,
 * recommends, and learns online from new events (bounded mini-batch centroid updates).
 */
import type { SequenceSet } from '../data/sequence-set.js';
import type { Encoder } from '../encode/encoder.js';
import type { Matrix } from '../util/matrix.js';
import { encoderFromState } from '../encode/encoder-state.js';
import { type OnlineUpdateOptions, onlineCentroidUpdate } from './online-update.js';
import { type RecommendOptions, topItems, userItemScores } from './recommend.js';
import { outlierFromZ, riskScore } from './risk.js';
import { modelCentroids, type SavedModel } from './saved-model.js';
import { assignToCentroids, distanceOutlierScore, type SegmentCentroids } from './segment-centroids.js';

export interface Assignment {
  segment: number;
  distance: number;
  tag: string;
  risk: number;
}

export class ServedModel {
  readonly model: SavedModel;
  readonly centroids: SegmentCentroids;
  private readonly encoder: Encoder;
  private readonly tags: string[];
  private readonly popularity: Map<string, number>;

  private constructor(model: SavedModel, encoder: Encoder) {
    this.model = model;
    this.encoder = encoder;
    this.centroids = modelCentroids(model);
    this.tags = Array.from(
      { length: model.clusters.k },
      (_, l) => model.tags.find((t) => t.segment === l)?.tag ?? '',
    );
    this.popularity = new Map(model.items.popularity.map((s) => [s.item, s.score]));
  }

  /** @throws RangeError when the model's encoder cannot be restored. */
  static async create(model: SavedModel): Promise<ServedModel> {
    return new ServedModel(model, await encoderFromState(model.encoder));
  }

  /** The readable tag of a segment ('noise' for -1). */
  tagOf(segment: number): string {
    return segment >= 0 ? (this.tags[segment] ?? '') : 'noise';
  }

  /** The model's encoding of `seqs` (one row per sequence). */
  encode(seqs: SequenceSet): Promise<Matrix> {
    return this.encoder.transform(seqs);
  }

  /** Segment, distance, tag and risk for every sequence of `seqs`. Empty sequences are segmented as the encoder encodes them. */
  async assign(seqs: SequenceSet): Promise<Assignment[]> {
    const X = await this.encoder.transform(seqs);
    const { segment, distance } = await assignToCentroids(X, this.centroids);
    return Array.from(segment, (l, s) => ({
      segment: l,
      distance: distance[s],
      tag: this.tagOf(l),
      risk: riskScore(
        seqs,
        s,
        outlierFromZ(distanceOutlierScore(this.centroids, l, distance[s])),
        this.model.risk,
      ),
    }));
  }

  /** Vectors and segments of `seqs`, then move the centroids toward them. Returns the segments. */
  async learn(seqs: SequenceSet, options?: Partial<OnlineUpdateOptions>): Promise<Int32Array> {
    const X = await this.encoder.transform(seqs);
    const { segment } = await assignToCentroids(X, this.centroids);
    onlineCentroidUpdate(this.centroids, X, segment, options);
    return segment;
  }

  /**
   * Top items for sequence s of `seqs` in `segment` (-1: the population list): the segment's list
   * blended with the user's own recent events, bought items excluded.
   */
  recommend(
    seqs: SequenceSet,
    s: number,
    segment: number,
    top: number,
    options?: Partial<RecommendOptions>,
  ): { item: string; score: number }[] {
    const list =
      segment >= 0 && segment < this.model.items.per_segment.length
        ? this.model.items.per_segment[segment]
        : this.model.items.popularity;
    // Item universe: the request's own items (their codes as in seqs), then the segment's list.
    const vocab = [...seqs.itemVocab];
    const code = new Map(vocab.map((v, i) => [v, i]));
    for (const { item } of list) if (!code.has(item)) code.set(item, vocab.push(item) - 1);
    const seg = new Float64Array(vocab.length);
    for (const { item, score } of list) seg[code.get(item)!] = score;
    const pop = Float64Array.from(vocab, (v) => this.popularity.get(v) ?? 0);
    const scores = userItemScores(seg, seqs, s, options);
    return Array.from(topItems(scores, pop, top), (i) => ({ item: vocab[i], score: scores[i] })).filter(
      (r) => r.score > 0,
    );
  }
}
