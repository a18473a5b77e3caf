/**
 * Any OpenAI-compatible `POST /v1/embeddings` endpoint as a sentence embedder: texts in batches,
 * each request with a timeout, retried with exponential back-off (backoffMs * 2^attempt) on network
 * errors, timeouts, 429 and 5xx; other statuses fail at once. Vectors are checked for count and
 * dimension, and cached on disk by content hash when `cacheDir` is set.
 * URL, model and key default to SEGSCOPE_EMBEDDINGS_URL / _MODEL / _KEY.
 */
import { InputError } from '../util/errors.js';
import { EmbeddingCache } from './embedding-cache.js';
import type { SentenceEmbedder } from './sentence-embedder.js';

export interface EmbeddingsEndpointOptions {
  /** Base URL (`http://host/v1`) or the full `.../embeddings` URL. */
  url: string;
  model: string;
  /** Bearer token; empty = no Authorization header. */
  key: string;
  batchSize: number;
  timeoutMs: number;
  /** Retries after the first attempt. */
  retries: number;
  backoffMs: number;
  /** Expected dimension; 0 = take it from the first response and require it after. */
  dimensions: number;
  /** Directory of the disk cache; empty = no cache. */
  cacheDir: string;
}

export const DEFAULT_EMBEDDINGS_ENDPOINT_OPTIONS: Readonly<
  Omit<EmbeddingsEndpointOptions, 'url' | 'model' | 'key'>
> = {
  batchSize: 64,
  timeoutMs: 30000,
  retries: 3,
  backoffMs: 500,
  dimensions: 0,
  cacheDir: '',
};

export class EmbeddingsEndpoint implements SentenceEmbedder {
  readonly id: string;
  readonly options: Readonly<EmbeddingsEndpointOptions>;
  /** Requests sent and vectors served from the cache, for reports. */
  readonly stats = { requests: 0, retries: 0, cached: 0 };
  private readonly cache: EmbeddingCache | undefined;
  private readonly endpoint: string;
  private dim: number;

  /** @throws UsageError-like RangeError when url or model is missing or a number is bad. */
  constructor(options: Partial<EmbeddingsEndpointOptions> = {}, env: NodeJS.ProcessEnv = process.env) {
    const o: EmbeddingsEndpointOptions = {
      url: env.SEGSCOPE_EMBEDDINGS_URL ?? '',
      model: env.SEGSCOPE_EMBEDDINGS_MODEL ?? '',
      key: env.SEGSCOPE_EMBEDDINGS_KEY ?? '',
      ...DEFAULT_EMBEDDINGS_ENDPOINT_OPTIONS,
      ...Object.fromEntries(Object.entries(options).filter(([, v]) => v !== undefined)),
    };
    if (!o.url)
      throw new RangeError('EmbeddingsEndpoint: url is required (option url or SEGSCOPE_EMBEDDINGS_URL)');
    if (!o.model)
      throw new RangeError(
        'EmbeddingsEndpoint: model is required (option model or SEGSCOPE_EMBEDDINGS_MODEL)',
      );
    for (const k of ['batchSize', 'timeoutMs'] as const) {
      if (!Number.isInteger(o[k]) || o[k] < 1)
        throw new RangeError(`EmbeddingsEndpoint: ${k} (${o[k]}) must be a positive integer`);
    }
    for (const k of ['retries', 'backoffMs', 'dimensions'] as const) {
      if (!Number.isInteger(o[k]) || o[k] < 0)
        throw new RangeError(`EmbeddingsEndpoint: ${k} (${o[k]}) must be a non-negative integer`);
    }
    this.options = o;
    this.endpoint = o.url.replace(/\/+$/, '').endsWith('/embeddings')
      ? o.url
      : `${o.url.replace(/\/+$/, '')}/embeddings`;
    this.id = `endpoint:${o.model}`;
    this.dim = o.dimensions;
    this.cache = o.cacheDir ? new EmbeddingCache(o.cacheDir) : undefined;
  }

  /** @throws InputError naming the endpoint for a non-2xx status, a timeout after retries, or wrong dimensions. */
  async embed(texts: readonly string[]): Promise<Float32Array[]> {
    const out: (Float32Array | undefined)[] = texts.map((t) =>
      this.cache?.get(this.id, t, this.dim || undefined),
    );
    this.stats.cached += out.filter((v) => v !== undefined).length;
    const todo = texts.map((_, i) => i).filter((i) => out[i] === undefined);
    for (let b = 0; b < todo.length; b += this.options.batchSize) {
      const index = todo.slice(b, b + this.options.batchSize);
      const vectors = await this.request(index.map((i) => texts[i]));
      index.forEach((i, k) => {
        out[i] = vectors[k];
        this.cache?.set(this.id, texts[i], vectors[k]);
      });
    }
    return out as Float32Array[];
  }

  private async request(input: string[]): Promise<Float32Array[]> {
    const { retries, backoffMs, timeoutMs, key, model } = this.options;
    let last = '';
    for (let attempt = 0; attempt <= retries; attempt++) {
      if (attempt > 0) {
        this.stats.retries++;
        await new Promise((r) => setTimeout(r, backoffMs * 2 ** (attempt - 1)));
      }
      this.stats.requests++;
      let response: Response;
      try {
        response = await fetch(this.endpoint, {
          method: 'POST',
          headers: { 'content-type': 'application/json', ...(key ? { authorization: `Bearer ${key}` } : {}) },
          body: JSON.stringify({ model, input }),
          signal: AbortSignal.timeout(timeoutMs),
        });
      } catch (error) {
        const e = error as Error;
        last =
          e.name === 'TimeoutError' || e.name === 'AbortError'
            ? `timed out after ${timeoutMs} ms`
            : `request failed: ${e.message}`;
        continue;
      }
      const body = await response.text().catch(() => '');
      if (response.status === 429 || response.status >= 500) {
        last = `HTTP ${response.status}: ${body.slice(0, 200)}`;
        continue;
      }
      if (!response.ok)
        throw new InputError(
          `embeddings endpoint ${this.endpoint}: HTTP ${response.status}: ${body.slice(0, 200)}`,
          { field: 'url' },
        );
      return this.parse(body, input.length);
    }
    throw new InputError(`embeddings endpoint ${this.endpoint}: ${last} (after ${retries + 1} attempts)`, {
      field: 'url',
    });
  }

  private parse(body: string, count: number): Float32Array[] {
    let json: { data?: { embedding?: unknown; index?: number }[] };
    try {
      json = JSON.parse(body);
    } catch {
      throw new InputError(
        `embeddings endpoint ${this.endpoint}: response is not JSON: ${body.slice(0, 200)}`,
        { field: 'url' },
      );
    }
    const data = json.data;
    if (!Array.isArray(data) || data.length !== count) {
      throw new InputError(
        `embeddings endpoint ${this.endpoint}: expected ${count} embeddings in "data", got ${Array.isArray(data) ? data.length : 'none'}`,
        { field: 'url' },
      );
    }
    const sorted = [...data].sort((a, b) => (a.index ?? 0) - (b.index ?? 0));
    return sorted.map((d, i) => {
      const e = d.embedding;
      if (!Array.isArray(e) || !e.every((x) => typeof x === 'number' && Number.isFinite(x))) {
        throw new InputError(
          `embeddings endpoint ${this.endpoint}: data[${i}].embedding is not an array of finite numbers`,
          { field: 'url' },
        );
      }
      if (this.dim === 0) this.dim = e.length;
      if (e.length !== this.dim) {
        throw new InputError(
          `embeddings endpoint ${this.endpoint}: data[${i}].embedding has ${e.length} dimensions, expected ${this.dim}`,
          { field: 'dimensions' },
        );
      }
      return Float32Array.from(e as number[]);
    });
  }
}
