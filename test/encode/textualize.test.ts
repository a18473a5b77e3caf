import assert from 'node:assert/strict';
import { test } from 'node:test';
import { checkTextTemplate, DEFAULT_TEXT_TEMPLATE, textualizeSequence } from '../../src/encode/textualize.js';
import { handSequences } from './helpers.js';

const seqs = handSequences({
  u: [
    { item: '12', cat: 'shoes', b: 'pv' },
    { item: '12', cat: 'shoes', b: 'pv' },
    { item: '', b: 'search', query: 'red boots' },
    { item: '7', b: 'pv' },
    { item: '12', cat: 'shoes', b: 'buy', price: 59.9 },
  ],
});

test('textualizeSequence writes the default template, drops [parts] without values, collapses repeats', () => {
  const s = textualizeSequence(seqs, 0, { template: DEFAULT_TEXT_TEMPLATE, maxEvents: 50 });
  assert.equal(s, 'viewed 12 in shoes (x2); searched red boots; viewed 7; bought 12 for 59.9');
});

test('textualizeSequence with a changed template, names and maxEvents', () => {
  const template = checkTextTemplate({
    pv: 'saw {item}',
    buy: 'purchased {item}[ ({category})]',
    separator: ' | ',
  });
  const s = textualizeSequence(seqs, 0, {
    template,
    maxEvents: 2,
    itemNames: new Map([['12', 'Trail Runner']]),
  });
  assert.equal(s, 'saw 7 | purchased Trail Runner (shoes)');
});

test('checkTextTemplate rejects unknown placeholders and unbalanced brackets', () => {
  assert.throws(() => checkTextTemplate({ pv: 'viewed {title}' }), /unknown placeholder \{title\}/);
  assert.throws(() => checkTextTemplate({ buy: 'bought [{item}' }), /unclosed/);
});
