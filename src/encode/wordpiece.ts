/**
 * BERT tokenization: the basic tokenizer (clean, split CJK characters, lowercase and strip accents,
 * split on whitespace and punctuation) then greedy longest-match-first WordPiece with `##`
 * continuation pieces, as Google's bert/tokenization.py and HF BertTokenizer do. Words longer
 * than 100 characters, or with no full segmentation, become [UNK].
 */

export interface WordPieceVocabulary {
  /** Token -> id. */
  ids: Map<string, number>;
  lowercase: boolean;
  stripAccents: boolean;
  unk: string;
  cls: string;
  sep: string;
  pad: string;
  prefix: string;
  maxCharsPerWord: number;
}

/** Vocabulary from the lines of a BERT `vocab.txt` (the id is the line number). */
export function vocabularyFromVocabTxt(text: string, lowercase = true): WordPieceVocabulary {
  const ids = new Map<string, number>();
  text.split(/\r?\n/).forEach((line, i) => {
    if (line.length > 0 && !ids.has(line)) ids.set(line, i);
  });
  return {
    ids,
    lowercase,
    stripAccents: lowercase,
    unk: '[UNK]',
    cls: '[CLS]',
    sep: '[SEP]',
    pad: '[PAD]',
    prefix: '##',
    maxCharsPerWord: 100,
  };
}

/**
 * Vocabulary from a HF `tokenizer.json` whose model is WordPiece.
 * @throws Error naming what is missing when the file is not a WordPiece tokenizer.
 */
export function vocabularyFromTokenizerJson(json: unknown): WordPieceVocabulary {
  const t = json as {
    model?: {
      type?: string;
      vocab?: Record<string, number>;
      unk_token?: string;
      continuing_subword_prefix?: string;
      max_input_chars_per_word?: number;
    };
    normalizer?: { lowercase?: boolean; strip_accents?: boolean | null };
  };
  if (t.model?.type !== 'WordPiece' || t.model.vocab === undefined) {
    throw new Error(
      `model.type is ${JSON.stringify(t.model?.type)}; only WordPiece (BERT-style) tokenizers are supported`,
    );
  }
  const lowercase = t.normalizer?.lowercase ?? true;
  return {
    ids: new Map(Object.entries(t.model.vocab)),
    lowercase,
    stripAccents: t.normalizer?.strip_accents ?? lowercase,
    unk: t.model.unk_token ?? '[UNK]',
    cls: '[CLS]',
    sep: '[SEP]',
    pad: '[PAD]',
    prefix: t.model.continuing_subword_prefix ?? '##',
    maxCharsPerWord: t.model.max_input_chars_per_word ?? 100,
  };
}

function isPunctuation(ch: string): boolean {
  const c = ch.codePointAt(0)!;
  if ((c >= 33 && c <= 47) || (c >= 58 && c <= 64) || (c >= 91 && c <= 96) || (c >= 123 && c <= 126))
    return true;
  return /\p{P}/u.test(ch);
}

function isCjk(c: number): boolean {
  return (
    (c >= 0x4e00 && c <= 0x9fff) ||
    (c >= 0x3400 && c <= 0x4dbf) ||
    (c >= 0x20000 && c <= 0x2a6df) ||
    (c >= 0x2a700 && c <= 0x2b73f) ||
    (c >= 0x2b740 && c <= 0x2b81f) ||
    (c >= 0x2b820 && c <= 0x2ceaf) ||
    (c >= 0xf900 && c <= 0xfaff) ||
    (c >= 0x2f800 && c <= 0x2fa1f)
  );
}

/** The basic tokenizer's words (before WordPiece). */
export function basicTokenize(text: string, lowercase: boolean, stripAccents: boolean): string[] {
  let clean = '';
  for (const ch of text) {
    const c = ch.codePointAt(0)!;
    if (c === 0 || c === 0xfffd || (/\p{C}/u.test(ch) && ch !== '\t' && ch !== '\n' && ch !== '\r')) continue;
    if (/\s/u.test(ch)) clean += ' ';
    else if (isCjk(c)) clean += ` ${ch} `;
    else clean += ch;
  }
  const words: string[] = [];
  for (let word of clean.split(' ')) {
    if (word.length === 0) continue;
    if (lowercase) word = word.toLowerCase();
    if (stripAccents) word = word.normalize('NFD').replace(/\p{Mn}/gu, '');
    let current = '';
    for (const ch of word) {
      if (isPunctuation(ch)) {
        if (current) words.push(current);
        words.push(ch);
        current = '';
      } else current += ch;
    }
    if (current) words.push(current);
  }
  return words;
}

/** WordPiece pieces of one basic-tokenized word. */
export function wordPieces(word: string, vocab: WordPieceVocabulary): string[] {
  const chars = [...word];
  if (chars.length > vocab.maxCharsPerWord) return [vocab.unk];
  const pieces: string[] = [];
  let start = 0;
  while (start < chars.length) {
    let end = chars.length;
    let found: string | undefined;
    while (start < end) {
      const piece = (start > 0 ? vocab.prefix : '') + chars.slice(start, end).join('');
      if (vocab.ids.has(piece)) {
        found = piece;
        break;
      }
      end--;
    }
    if (found === undefined) return [vocab.unk];
    pieces.push(found);
    start = end;
  }
  return pieces;
}

/**
 * Token ids `[CLS] pieces... [SEP]`, truncated to `maxLength` (keeping [SEP]).
 * @throws RangeError if maxLength < 2.
 * @example encodeWordPiece('Bought shoes', vocab, 128) // [cls, id('bought'), id('shoes'), sep]
 */
export function encodeWordPiece(text: string, vocab: WordPieceVocabulary, maxLength: number): number[] {
  if (!Number.isInteger(maxLength) || maxLength < 2)
    throw new RangeError(`encodeWordPiece: maxLength (${maxLength}) must be an integer >= 2`);
  const id = (t: string): number => vocab.ids.get(t) ?? vocab.ids.get(vocab.unk) ?? 0;
  const out = [id(vocab.cls)];
  for (const word of basicTokenize(text, vocab.lowercase, vocab.stripAccents)) {
    for (const piece of wordPieces(word, vocab)) {
      if (out.length >= maxLength - 1) break;
      out.push(id(piece));
    }
  }
  out.push(id(vocab.sep));
  return out;
}
