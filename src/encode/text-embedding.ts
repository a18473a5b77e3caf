/**
 * Text encoder: each user's behavior written as a sentence (textualize.ts) and embedded by a
 * pretrained sentence model, either from a local folder (`source: 'local'`, onnxruntime-node) or an
 * OpenAI-compatible embeddings endpoint (`source: 'endpoint'`). Pretrained, so `fit` only loads the
 * model and checks the template; `transform` embeds. Sequences without events are not embedded:
 * their rows are zero, counted in `emptyUsers`.
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
    if (o.source !== 'local' && o.source !== 'endpoint')
      throw new RangeError(`TextEmbeddingEncoder: source "${o.source}" is not one of local, endpoint`);
    if (o.source === 'local' && !o.modelDir)
      throw new RangeError('TextEmbeddingEncoder: modelDir is required for source local');
    if (!Number.isInteger(o.maxEvents) || o.maxEvents < 1)
      throw new RangeError(`TextEmbeddingEncoder: maxEvents (${o.maxEvents}) must be a positive integer`);
    this.template = checkTextTemplate(o.template);
    this.options = o;
    const { onProgress, key, itemNames, categoryNames, ...params } = o;
    this.params = params;
  }

  /** Loads the model (or checks the endpoint settings). @throws InputError naming a missing model folder. */
  async fit(_seqs: SequenceSet): Promise<this> {
    const o = this.options;
    this.embedder =
      o.source === 'local'
        ? await LocalSentenceModel.load(o.modelDir, { maxLength: o.maxLength, batchSize: o.batchSize ?? 32 })
        : new EmbeddingsEndpoint(o);
    return this;
  }

  /** The sentences `transform` embeds, in row order. */
  texts(seqs: SequenceSet): string[] {
    const o = this.options;
    return seqs.users.map((_, s) =>
      textualizeSequence(seqs, s, {
        template: this.template,
        maxEvents: o.maxEvents,
        itemNames: o.itemNames,
        categoryNames: o.categoryNames,
      }),
    );
  }

  /** Sequences with no events in the last transform: not sent to the model, zero rows. */
  emptyUsers = 0;

  async transform(seqs: SequenceSet): Promise<Matrix> {
    if (this.embedder === undefined) throw new Error('TextEmbeddingEncoder.transform: call fit first');
    const texts = this.texts(seqs);
    // Endpoints reject empty inputs and a model's [CLS][SEP] vector says nothing: empty users get zero rows.
    const index = texts.map((_, i) => i).filter((i) => seqs.offsets[i + 1] > seqs.offsets[i]);
    this.emptyUsers = texts.length - index.length;
    const chunk = 256;
    const vectors: Float32Array[] = [];
    for (let i = 0; i < index.length; i += chunk) {
      vectors.push(...(await this.embedder.embed(index.slice(i, i + chunk).map((r) => texts[r]))));
      this.options.onProgress({
        task: 'text embeddings',
        done: Math.min(i + chunk, index.length),
        total: index.length,
      });
    }
    const dim = vectors[0]?.length ?? 0;
    const data = new Float32Array(texts.length * dim);
    vectors.forEach((v, k) => {
      data.set(this.options.normalize ? normalizeInPlace(Float32Array.from(v)) : v, index[k] * dim);
    });
    return { rows: texts.length, cols: dim, data };
  }
}
