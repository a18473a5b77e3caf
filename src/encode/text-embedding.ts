/**
 * Text encoder: each user's behavior written as a sentence (textualize.ts) and embedded by a
 * pretrained sentence model, either from a local folder (`source: 'local'`, onnxruntime-node) or an
 * OpenAI-compatible embeddings endpoint (`source: 'endpoint'`). Pretrained, so `fit` only loads the
 * model and checks the template; `transform` embeds. Empty sequences embed the empty sentence.
 */
import type { SequenceSet } from '../data/sequence-set.js';
import type { Matrix } from '../util/matrix.js';
import { type ProgressCallback, silentProgress } from '../util/progress.js';
import type { Encoder } from './encoder.js';
import { EmbeddingsEndpoint, type EmbeddingsEndpointOptions } from './embeddings-endpoint.js';
import { LocalSentenceModel } from './local-sentence-model.js';
import { normalizeInPlace, type SentenceEmbedder } from './sentence-embedder.js';
import { checkTextTemplate, type TextTemplate, textualizeSequence } from './textualize.js';

export interface TextEmbeddingOptions extends Partial<EmbeddingsEndpointOptions> {
  source: 'local' | 'endpoint';
  /** Folder of model.onnx + tokenizer.json / vocab.txt (source 'local'). */
  modelDir: string;
  template: Partial<TextTemplate>;
  maxEvents: number;
  maxLength: number;
  itemNames?: ReadonlyMap<string, string>;
  categoryNames?: ReadonlyMap<string, string>;
  /** Scale rows to unit length (local models already are; endpoints may not be). */
  normalize: boolean;
  onProgress: ProgressCallback;
}

export const DEFAULT_TEXT_EMBEDDING_OPTIONS: Readonly<TextEmbeddingOptions> = {
  source: 'local',
  modelDir: '',
  template: {},
  maxEvents: 50,
  maxLength: 256,
  normalize: true,
  onProgress: silentProgress,
};

export class TextEmbeddingEncoder implements Encoder {
  readonly name = 'text';
  readonly params: Readonly<Omit<TextEmbeddingOptions, 'onProgress' | 'key' | 'itemNames' | 'categoryNames'>>;
  readonly template: TextTemplate;
  embedder: SentenceEmbedder | undefined;
  private readonly options: TextEmbeddingOptions;

  /** @throws RangeError for a bad source, template or number. */
  constructor(options: Partial<TextEmbeddingOptions> = {}) {
    const o = { ...DEFAULT_TEXT_EMBEDDING_OPTIONS, ...options };
    if (o.source !== 'local' && o.source !== 'endpoint') throw new RangeError(`TextEmbeddingEncoder: source "${o.source}" is not one of local, endpoint`);
    if (o.source === 'local' && !o.modelDir) throw new RangeError('TextEmbeddingEncoder: modelDir is required for source local');
    if (!Number.isInteger(o.maxEvents) || o.maxEvents < 1) throw new RangeError(`TextEmbeddingEncoder: maxEvents (${o.maxEvents}) must be a positive integer`);
    this.template = checkTextTemplate(o.template);
    this.options = o;
    const { onProgress, key, itemNames, categoryNames, ...params } = o;
    this.params = params;
  }

  /** Loads the model (or checks the endpoint settings). @throws InputError naming a missing model folder. */
  async fit(_seqs: SequenceSet): Promise<this> {
    const o = this.options;
    this.embedder =
      o.source === 'local' ? await LocalSentenceModel.load(o.modelDir, { maxLength: o.maxLength, batchSize: o.batchSize ?? 32 }) : new EmbeddingsEndpoint(o);
    return this;
  }

  /** The sentences `transform` embeds, in row order. */
  texts(seqs: SequenceSet): string[] {
    const o = this.options;
    return seqs.users.map((_, s) =>
      textualizeSequence(seqs, s, { template: this.template, maxEvents: o.maxEvents, itemNames: o.itemNames, categoryNames: o.categoryNames }),
    );
  }

  async transform(seqs: SequenceSet): Promise<Matrix> {
    if (this.embedder === undefined) throw new Error('TextEmbeddingEncoder.transform: call fit first');
    const texts = this.texts(seqs);
    const chunk = 256;
    const rows: Float32Array[] = [];
    for (let i = 0; i < texts.length; i += chunk) {
      rows.push(...(await this.embedder.embed(texts.slice(i, i + chunk))));
      this.options.onProgress({ task: 'text embeddings', done: Math.min(i + chunk, texts.length), total: texts.length });
    }
    const dim = rows[0]?.length ?? 0;
    const data = new Float32Array(rows.length * dim);
    rows.forEach((r, i) => data.set(this.options.normalize ? normalizeInPlace(Float32Array.from(r)) : r, i * dim));
    return { rows: rows.length, cols: dim, data };
  }
}
