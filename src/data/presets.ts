/**
 * The built-in presets, with the exact public schemas of the datasets they are named after.
 * Sources: Tianchi UserBehavior (https://tianchi.aliyun.com/dataset/649), CIKM Cup 2016 DIGINETICA
 * train-item-views, RecSys Challenge 2015 YOOCHOOSE clicks (and the GRU4Rec-prepared form),
 * RetailRocket events.csv (https://www.kaggle.com/datasets/retailrocket/ecommerce-dataset).
 */
import { UsageError } from '../util/errors.js';
import type { Preset } from './preset.js';

/** Taobao UserBehavior: no header; the log covers 2017-11-25 .. 2017-12-03 (UTC+8), so that is its window. */
export const TAOBAO: Preset = {
  name: 'taobao',
  summary:
    'Tianchi UserBehavior: user_id,item_id,category_id,behavior_type(pv|cart|fav|buy),timestamp (unix s), no header',
  columns: [
    { name: 'user_id', type: 'BIGINT' },
    { name: 'item_id', type: 'BIGINT' },
    { name: 'category_id', type: 'BIGINT' },
    { name: 'behavior_type', type: 'VARCHAR' },
    { name: 'timestamp', type: 'BIGINT' },
  ],
  csv: { delimiter: ',', header: false, nullStrings: [''] },
  fields: { user: 'user_id', item: 'item_id', category: 'category_id', behavior: 'behavior_type' },
  time: { kind: 'unix-s', column: 'timestamp' },
  behaviorMap: { pv: 'pv', cart: 'cart', fav: 'fav', buy: 'buy' },
  defaultKey: 'user',
  // 2017-11-25 00:00:00 and 2017-12-03 23:59:59 in UTC+8.
  window: { start: 1511539200, end: 1512316799 },
};

/** DIGINETICA train-item-views: `;`-separated with header; `user_id` may be NA; every event a view. */
export const DIGINETICA: Preset = {
  name: 'diginetica',
  summary:
    'DIGINETICA item views: session_id;user_id;item_id;timeframe (ms from session start);eventdate, header',
  columns: [
    { name: 'session_id', type: 'VARCHAR' },
    { name: 'user_id', type: 'VARCHAR' },
    { name: 'item_id', type: 'VARCHAR' },
    { name: 'timeframe', type: 'BIGINT' },
    { name: 'eventdate', type: 'DATE' },
  ],
  csv: { delimiter: ';', header: true, nullStrings: ['', 'NA'] },
  fields: { session: 'session_id', user: 'user_id', item: 'item_id' },
  time: { kind: 'date-plus-ms', date: 'eventdate', offsetMs: 'timeframe' },
  constantBehavior: 'pv',
  defaultKey: 'session',
};

/** YOOCHOOSE raw clicks (yoochoose-clicks.dat): no header, ISO timestamps; every event a view. */
export const YOOCHOOSE_CLICKS: Preset = {
  name: 'yoochoose-clicks',
  summary: 'YOOCHOOSE raw clicks: SessionId,Timestamp (ISO 8601),ItemId,Category, no header',
  columns: [
    { name: 'SessionId', type: 'VARCHAR' },
    { name: 'Timestamp', type: 'TIMESTAMPTZ' },
    { name: 'ItemId', type: 'VARCHAR' },
    { name: 'Category', type: 'VARCHAR' },
  ],
  csv: { delimiter: ',', header: false, nullStrings: [''] },
  fields: { session: 'SessionId', item: 'ItemId', category: 'Category' },
  time: { kind: 'iso', column: 'Timestamp' },
  constantBehavior: 'pv',
  defaultKey: 'session',
};

/** YOOCHOOSE as prepared for GRU4Rec (rsc15_train_full.txt): tab-separated with header, unix seconds. */
export const YOOCHOOSE_PREPARED: Preset = {
  name: 'yoochoose-prepared',
  summary: 'YOOCHOOSE prepared: SessionId<TAB>ItemId<TAB>Time (unix s), header',
  columns: [
    { name: 'SessionId', type: 'VARCHAR' },
    { name: 'ItemId', type: 'VARCHAR' },
    { name: 'Time', type: 'DOUBLE' },
  ],
  csv: { delimiter: '\t', header: true, nullStrings: [''] },
  fields: { session: 'SessionId', item: 'ItemId' },
  time: { kind: 'unix-s', column: 'Time' },
  constantBehavior: 'pv',
  defaultKey: 'session',
};

/** RetailRocket events.csv: header, ms timestamps, view|addtocart|transaction. */
export const RETAILROCKET: Preset = {
  name: 'retailrocket',
  summary:
    'RetailRocket events: timestamp (ms),visitorid,event(view|addtocart|transaction),itemid,transactionid, header',
  columns: [
    { name: 'timestamp', type: 'BIGINT' },
    { name: 'visitorid', type: 'VARCHAR' },
    { name: 'event', type: 'VARCHAR' },
    { name: 'itemid', type: 'VARCHAR' },
    { name: 'transactionid', type: 'VARCHAR' },
  ],
  csv: { delimiter: ',', header: true, nullStrings: [''] },
  fields: { user: 'visitorid', item: 'itemid', behavior: 'event' },
  time: { kind: 'unix-ms', column: 'timestamp' },
  behaviorMap: { view: 'pv', addtocart: 'cart', transaction: 'buy' },
  defaultKey: 'user',
};

const BUILT_IN: Record<string, Preset> = {
  taobao: TAOBAO,
  diginetica: DIGINETICA,
  'yoochoose-clicks': YOOCHOOSE_CLICKS,
  'yoochoose-prepared': YOOCHOOSE_PREPARED,
  retailrocket: RETAILROCKET,
};

/** Preset names accepted by `presetByName` (plus `generic`, built from a mapping). */
export const PRESET_NAMES = [
  'taobao',
  'diginetica',
  'yoochoose',
  'yoochoose-clicks',
  'yoochoose-prepared',
  'retailrocket',
  'generic',
] as const;

/**
 * A built-in preset by name. `yoochoose` picks the raw or the prepared form from the file's first
 * line (a tab means prepared).
 * @throws UsageError for an unknown name (the message lists the known ones).
 * @example presetByName('taobao').defaultKey // 'user'
 */
export function presetByName(name: string, firstLine = ''): Preset {
  if (name === 'yoochoose') return firstLine.includes('\t') ? YOOCHOOSE_PREPARED : YOOCHOOSE_CLICKS;
  const preset = BUILT_IN[name];
  if (preset === undefined) {
    throw new UsageError(`unknown preset "${name}"`, [
      { path: 'preset', message: `must be one of ${PRESET_NAMES.join(', ')}` },
    ]);
  }
  return preset;
}
