/**
 * JSON schemas of the service's request bodies (validated by fastify's Ajv before a handler runs;
 * a body that does not match is a 400 naming the field). Strict: no extra fields, no type coercion.
 */
import { BEHAVIORS } from '../data/sequence-set.js';

/** Most events one request may carry. */
export const MAX_EVENTS_PER_REQUEST = 5000;

const id = { type: 'string', minLength: 1, maxLength: 256 } as const;

export const EVENT_SCHEMA = {
  type: 'object',
  additionalProperties: false,
  required: ['item', 'behavior', 'ts'],
  properties: {
    item: id,
    category: id,
    behavior: { type: 'string', enum: [...BEHAVIORS] },
    ts: { type: 'number', minimum: 0, maximum: 1e11 },
  },
} as const;

const events = { type: 'array', maxItems: MAX_EVENTS_PER_REQUEST, items: EVENT_SCHEMA } as const;

export const ASSIGN_SCHEMA = {
  type: 'object',
  additionalProperties: false,
  required: ['user_id', 'events'],
  properties: { user_id: id, events },
} as const;

export const RECOMMEND_SCHEMA = {
  type: 'object',
  additionalProperties: false,
  required: ['user_id'],
  properties: { user_id: id, events, k: { type: 'integer', minimum: 1, maximum: 100 } },
} as const;

export const EVENTS_SCHEMA = {
  type: 'object',
  additionalProperties: false,
  required: ['user_id', 'events'],
  properties: { user_id: id, events: { ...events, minItems: 1 } },
} as const;
