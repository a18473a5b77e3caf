import assert from 'node:assert/strict';
import { test } from 'node:test';
import {
  basicTokenize,
  encodeWordPiece,
  vocabularyFromTokenizerJson,
  vocabularyFromVocabTxt,
  wordPieces,
} from '../../src/encode/wordpiece.js';

const VOCAB = [
  '[PAD]',
  '[UNK]',
  '[CLS]',
  '[SEP]',
  'viewed',
  'shoe',
  '##s',
  'in',
  'red',
  ';',
  'caf',
  '##e',
  '鞋',
  'un',
  '##want',
  '##ed',
  ',',
].join('\n');

test('basicTokenize lowercases, strips accents, splits punctuation and CJK (as BERT BasicTokenizer)', () => {
  assert.deepEqual(basicTokenize('Viewed SHOES; Café  鞋子\tred,', true, true), [
    'viewed',
    'shoes',
    ';',
    'cafe',
    '鞋',
    '子',
    'red',
    ',',
  ]);
  assert.deepEqual(basicTokenize('Café', false, false), ['Café']);
});

test('wordPieces is greedy longest-match-first with ## continuations (BERT paper example "unwanted")', () => {
  const v = vocabularyFromVocabTxt(VOCAB);
  assert.deepEqual(wordPieces('unwanted', v), ['un', '##want', '##ed']);
  assert.deepEqual(wordPieces('shoes', v), ['shoe', '##s']);
  assert.deepEqual(wordPieces('zebra', v), ['[UNK]']);
  assert.deepEqual(wordPieces('a'.repeat(101), v), ['[UNK]']);
});

test('encodeWordPiece wraps in [CLS]/[SEP] and truncates to maxLength', () => {
  const v = vocabularyFromVocabTxt(VOCAB);
  // [CLS] viewed shoe ##s in red ; cafe->caf ##e 鞋 [UNK] [SEP]
  assert.deepEqual(
    encodeWordPiece('Viewed shoes in red; café 鞋子', v, 64),
    [2, 4, 5, 6, 7, 8, 9, 10, 11, 12, 1, 3],
  );
  assert.deepEqual(encodeWordPiece('viewed shoes in red', v, 4), [2, 4, 5, 3]);
  assert.throws(() => encodeWordPiece('x', v, 1), RangeError);
});

test('vocabularyFromTokenizerJson reads a HF WordPiece tokenizer.json and rejects other models', () => {
  const v = vocabularyFromTokenizerJson({
    model: { type: 'WordPiece', vocab: { '[UNK]': 0, hi: 1 }, unk_token: '[UNK]' },
    normalizer: { lowercase: false },
  });
  assert.equal(v.ids.get('hi'), 1);
  assert.equal(v.lowercase, false);
  assert.throws(() => vocabularyFromTokenizerJson({ model: { type: 'BPE', vocab: {} } }), /WordPiece/);
});
