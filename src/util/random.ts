/**
 * Seeded pseudo-random numbers: xoshiro128** (Blackman & Vigna 2018) seeded through splitmix32.
 * Every random step in segscope takes one of these; nothing reads Math.random.
 */
export interface Random {
  /** Uniform float in [0, 1). */
  uniform(): number;
  /** Uniform integer in [0, n). @throws RangeError if n is not a positive integer. */
  int(n: number): number;
  /** Standard normal deviate (Box-Muller, one cached spare). */
  normal(): number;
  /** A new independent stream derived from this one (for workers, resamples, restarts). */
  fork(): Random;
  /** The seed this stream was created from. */
  readonly seed: number;
}

function splitmix32(state: number): () => number {
  let s = state >>> 0;
  return () => {
    s = (s + 0x9e3779b9) >>> 0;
    let z = s;
    z = Math.imul(z ^ (z >>> 16), 0x85ebca6b) >>> 0;
    z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35) >>> 0;
    return (z ^ (z >>> 16)) >>> 0;
  };
}

/**
 * A seeded random stream.
 * @param seed any finite number; the same seed gives the same stream on every machine.
 * @throws RangeError if seed is not finite.
 * @example randomSource(42).int(10) // same value every run
 */
export function randomSource(seed: number): Random {
  if (!Number.isFinite(seed)) throw new RangeError(`randomSource: seed (${seed}) must be a finite number`);
  const mix = splitmix32(Math.floor(seed) ^ Math.floor((seed % 1) * 0x100000000));
  let a = mix();
  let b = mix();
  let c = mix();
  let d = mix();
  if ((a | b | c | d) === 0) a = 1;
  let spare = Number.NaN;
  const next32 = (): number => {
    const result = Math.imul(rotl(Math.imul(b, 5), 7), 9) >>> 0;
    const t = b << 9;
    c ^= a;
    d ^= b;
    b ^= c;
    a ^= d;
    c ^= t;
    d = rotl(d, 11);
    return result;
  };
  const uniform = (): number => (next32() >>> 5) * 67108864 + (next32() >>> 6);
  const self: Random = {
    seed,
    uniform: () => uniform() / 9007199254740992,
    int(n: number): number {
      if (!Number.isInteger(n) || n <= 0)
        throw new RangeError(`Random.int: n (${n}) must be a positive integer`);
      return Math.floor((uniform() / 9007199254740992) * n);
    },
    normal(): number {
      if (!Number.isNaN(spare)) {
        const s = spare;
        spare = Number.NaN;
        return s;
      }
      let u = 0;
      while (u === 0) u = uniform() / 9007199254740992;
      const v = uniform() / 9007199254740992;
      const r = Math.sqrt(-2 * Math.log(u));
      spare = r * Math.sin(2 * Math.PI * v);
      return r * Math.cos(2 * Math.PI * v);
    },
    fork: () => randomSource(next32()),
  };
  return self;
}

function rotl(x: number, k: number): number {
  return ((x << k) | (x >>> (32 - k))) >>> 0;
}

/** Fisher-Yates shuffle in place with an injected random stream (d3's `shuffler(random)`). */
export function shuffleInPlace<T extends { length: number; [i: number]: unknown }>(
  array: T,
  random: Random,
): T {
  for (let i = array.length - 1; i > 0; i--) {
    const j = random.int(i + 1);
    const t = array[i];
    array[i] = array[j];
    array[j] = t;
  }
  return array;
}
