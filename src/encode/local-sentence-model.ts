/**
 * A pretrained sentence-embedding model from a local folder, run on onnxruntime-node: `model.onnx`
 * plus `tokenizer.json` (WordPiece) or `vocab.txt`, as sentence-transformers exports them. Texts are
 * WordPiece-tokenized, padded per batch, run, mean-pooled over the attention mask and
 * L2-normalized (the sentence-transformers `Pooling(mean)` + `Normalize` recipe). Nothing is
 * downloaded.
 */
import { existsSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { InputError } from '../util/errors.js';
import { normalizeInPlace, type SentenceEmbedder } from './sentence-embedder.js';
import {
  encodeWordPiece,
  vocabularyFromTokenizerJson,
  vocabularyFromVocabTxt,
  type WordPieceVocabulary,
} from './wordpiece.js';

export interface LocalSentenceModelOptions {
  /** Longest token sequence, [CLS] and [SEP] included. */
  maxLength: number;
  batchSize: number;
}

export const DEFAULT_LOCAL_MODEL_OPTIONS: Readonly<LocalSentenceModelOptions> = {
  maxLength: 128,
  batchSize: 32,
};

type Ort = typeof import('onnxruntime-node');
type Session = Awaited<ReturnType<Ort['InferenceSession']['create']>>;

export class LocalSentenceModel implements SentenceEmbedder {
  readonly id: string;
  private constructor(
    readonly folder: string,
    private readonly ort: Ort,
    private readonly session: Session,
    readonly vocabulary: WordPieceVocabulary,
    private readonly options: LocalSentenceModelOptions,
  ) {
    this.id = `local:${folder}`;
  }

  /**
   * Load the model in `folder`.
   * @throws InputError naming the folder and the missing or unreadable files.
   */
  static async load(
    folder: string,
    options: Partial<LocalSentenceModelOptions> = {},
  ): Promise<LocalSentenceModel> {
    const o = { ...DEFAULT_LOCAL_MODEL_OPTIONS, ...options };
    if (!Number.isInteger(o.batchSize) || o.batchSize < 1)
      throw new RangeError(`LocalSentenceModel: batchSize (${o.batchSize}) must be a positive integer`);
    if (!existsSync(folder) || !statSync(folder).isDirectory()) {
      throw new InputError(
        'model folder not found (expected model.onnx and tokenizer.json or vocab.txt inside)',
        { file: folder },
      );
    }
    const missing: string[] = [];
    if (!existsSync(join(folder, 'model.onnx'))) missing.push('model.onnx');
    const hasJson = existsSync(join(folder, 'tokenizer.json'));
    if (!hasJson && !existsSync(join(folder, 'vocab.txt'))) missing.push('tokenizer.json or vocab.txt');
    if (missing.length > 0)
      throw new InputError(`model folder is incomplete: missing ${missing.join(', ')}`, { file: folder });
    let vocabulary: WordPieceVocabulary;
    try {
      vocabulary = hasJson
        ? vocabularyFromTokenizerJson(JSON.parse(readFileSync(join(folder, 'tokenizer.json'), 'utf8')))
        : vocabularyFromVocabTxt(
            readFileSync(join(folder, 'vocab.txt'), 'utf8'),
            lowercaseFromConfig(folder),
          );
    } catch (error) {
      throw new InputError(`cannot read tokenizer: ${(error as Error).message}`, {
        file: join(folder, hasJson ? 'tokenizer.json' : 'vocab.txt'),
      });
    }
    const ort = await import('onnxruntime-node');
    let session: Session;
    try {
      session = await ort.InferenceSession.create(join(folder, 'model.onnx'));
    } catch (error) {
      throw new InputError(`onnxruntime cannot load the model: ${(error as Error).message}`, {
        file: join(folder, 'model.onnx'),
      });
    }
    if (!session.inputNames.includes('input_ids')) {
      throw new InputError(
        `model inputs are ${session.inputNames.join(', ')}; need input_ids (and attention_mask)`,
        { file: join(folder, 'model.onnx') },
      );
    }
    return new LocalSentenceModel(folder, ort, session, vocabulary, o);
  }

  async embed(texts: readonly string[]): Promise<Float32Array[]> {
    const out: Float32Array[] = [];
    for (let b = 0; b < texts.length; b += this.options.batchSize) {
      out.push(...(await this.embedBatch(texts.slice(b, b + this.options.batchSize))));
    }
    return out;
  }

  private async embedBatch(texts: readonly string[]): Promise<Float32Array[]> {
    const ids = texts.map((t) => encodeWordPiece(t, this.vocabulary, this.options.maxLength));
    const seq = Math.max(...ids.map((x) => x.length));
    const batch = texts.length;
    const pad = this.vocabulary.ids.get(this.vocabulary.pad) ?? 0;
    const inputIds = new BigInt64Array(batch * seq).fill(BigInt(pad));
    const mask = new BigInt64Array(batch * seq);
    ids.forEach((row, r) => {
      row.forEach((id, c) => {
        inputIds[r * seq + c] = BigInt(id);
        mask[r * seq + c] = 1n;
      });
    });
    const feeds: Record<string, InstanceType<Ort['Tensor']>> = {};
    const shape = [batch, seq];
    for (const name of this.session.inputNames) {
      if (name === 'input_ids') feeds[name] = new this.ort.Tensor('int64', inputIds, shape);
      else if (name === 'attention_mask') feeds[name] = new this.ort.Tensor('int64', mask, shape);
      else if (name === 'token_type_ids')
        feeds[name] = new this.ort.Tensor('int64', new BigInt64Array(batch * seq), shape);
      else
        throw new InputError(
          `model input "${name}" is not one segscope can feed (input_ids, attention_mask, token_type_ids)`,
          { file: this.folder },
        );
    }
    const results = await this.session.run(feeds);
    const names = this.session.outputNames;
    const name = ['last_hidden_state', 'token_embeddings'].find((n) => names.includes(n)) ?? names[0];
    const hidden = results[name];
    const data = hidden.data as Float32Array;
    if (hidden.dims.length === 2) {
      const dim = hidden.dims[1];
      return texts.map((_, r) => normalizeInPlace(Float32Array.from(data.subarray(r * dim, (r + 1) * dim))));
    }
    if (hidden.dims.length !== 3 || hidden.dims[0] !== batch || hidden.dims[1] !== seq) {
      throw new InputError(
        `model output "${name}" has shape [${hidden.dims.join(', ')}]; expected [${batch}, ${seq}, dim]`,
        { file: this.folder },
      );
    }
    const dim = hidden.dims[2];
    return texts.map((_, r) => {
      const v = new Float32Array(dim);
      let count = 0;
      for (let c = 0; c < seq; c++) {
        if (mask[r * seq + c] === 0n) continue;
        count++;
        const o = (r * seq + c) * dim;
        for (let j = 0; j < dim; j++) v[j] += data[o + j];
      }
      for (let j = 0; j < dim; j++) v[j] /= Math.max(count, 1);
      return normalizeInPlace(v);
    });
  }
}

/** `do_lower_case` from tokenizer_config.json when present (BERT vocab.txt models), else true. */
function lowercaseFromConfig(folder: string): boolean {
  const path = join(folder, 'tokenizer_config.json');
  if (!existsSync(path)) return true;
  const config = JSON.parse(readFileSync(path, 'utf8')) as { do_lower_case?: boolean };
  return config.do_lower_case ?? true;
}
