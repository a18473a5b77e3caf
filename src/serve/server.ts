/**
 * The HTTP service over a saved model (fastify 5): assign, recommend, append events (persisted and
 * fsync'ed before acknowledging, learned online), segment profiles, health and Prometheus metrics.
 * Every request body is schema-validated (400 naming the field); errors never carry stack traces;
 * a bearer token, when set, guards every route except /healthz.
 */
import { timingSafeEqual } from 'node:crypto';
import Fastify, { type FastifyInstance } from 'fastify';
import { type ServedEvent, sequencesFromEvents } from './event-sequences.js';
import { type EventJournal, openEventJournal } from './event-journal.js';
import { ASSIGN_SCHEMA, EVENTS_SCHEMA, RECOMMEND_SCHEMA } from './request-schemas.js';
import type { ServedModel } from './served-model.js';
import { ServiceMetrics } from './service-metrics.js';

export interface ServerOptions {
  model: ServedModel;
  /** Append-only journal of /v1/events (replayed on start). */
  journalPath: string;
  /** Bearer token; undefined = no authentication (loopback only; the CLI enforces it). */
  token?: string;
  /** Largest request body, bytes. */
  bodyLimit?: number;
  /** Segments of the fitted users (tags.csv), for /v1/recommend by user id alone. */
  fittedSegments?: ReadonlyMap<string, number>;
  /** Most recent events kept per user for assign / recommend by user id. */
  eventsPerUser?: number;
}

/** A ready (not yet listening) fastify app, after replaying the journal. Close it to close the journal. */
export async function buildServer(o: ServerOptions): Promise<FastifyInstance> {
  const { model } = o;
  const keep = o.eventsPerUser ?? 1000;
  const metrics = new ServiceMetrics();
  const userEvents = new Map<string, ServedEvent[]>();
  const remember = (user: string, events: ServedEvent[]) => {
    const all = [...(userEvents.get(user) ?? []), ...events];
    userEvents.set(user, all.length > keep ? all.slice(all.length - keep) : all);
  };
  const journal: EventJournal = openEventJournal(o.journalPath);
  for (const batch of journal.replayed) {
    // The same steps as the live /v1/events handler, so a restart reproduces the online state.
    remember(batch.user_id, batch.events);
    await model.learn(sequencesFromEvents([{ user: batch.user_id, events: userEvents.get(batch.user_id)! }]));
    metrics.eventsReplayed += batch.events.length;
  }
  const app = Fastify({
    logger: false,
    bodyLimit: o.bodyLimit ?? 1_048_576,
    ajv: {
      customOptions: { coerceTypes: false, removeAdditional: false, useDefaults: false, allErrors: true },
    },
  });
  app.addHook('onClose', async () => journal.close());
  app.addHook('onResponse', async (req, reply) => {
    metrics.observe(req.routeOptions.url ?? 'unmatched', reply.statusCode, reply.elapsedTime / 1000);
  });
  if (o.token !== undefined) {
    const expected = Buffer.from(`Bearer ${o.token}`);
    app.addHook('onRequest', async (req, reply) => {
      if (req.url === '/healthz') return;
      const given = Buffer.from(req.headers.authorization ?? '');
      if (given.length !== expected.length || !timingSafeEqual(given, expected)) {
        return reply
          .code(401)
          .header('www-authenticate', 'Bearer')
          .send({ error: 'unauthorized', message: 'missing or wrong bearer token' });
      }
    });
  }
  app.setErrorHandler(
    (error: { statusCode?: number; validation?: unknown; message: string }, _req, reply) => {
      const status =
        error.statusCode !== undefined && error.statusCode >= 400 && error.statusCode < 500
          ? error.statusCode
          : 500;
      if (status === 500) return reply.code(500).send({ error: 'internal error' });
      return reply
        .code(status)
        .send({ error: error.validation ? 'invalid request' : 'bad request', message: error.message });
    },
  );
  app.setNotFoundHandler((req, reply) =>
    reply.code(404).send({ error: 'not found', message: `no route ${req.method} ${req.url}` }),
  );

  const sequencesFor = (user: string, events: ServedEvent[] | undefined) => {
    const use = events !== undefined && events.length > 0 ? events : (userEvents.get(user) ?? []);
    return use.length > 0 ? sequencesFromEvents([{ user, events: use }]) : undefined;
  };
  const noEvents = (user: string) => ({
    error: 'bad request',
    message: `no events for user "${user}": send events, or post them to /v1/events first`,
  });

  app.post('/v1/assign', { schema: { body: ASSIGN_SCHEMA } }, async (req, reply) => {
    const body = req.body as { user_id: string; events: ServedEvent[] };
    const seqs = sequencesFor(body.user_id, body.events);
    if (seqs === undefined) return reply.code(400).send(noEvents(body.user_id));
    const [a] = await model.assign(seqs);
    return { user_id: body.user_id, ...a };
  });
  app.post('/v1/recommend', { schema: { body: RECOMMEND_SCHEMA } }, async (req, reply) => {
    const body = req.body as { user_id: string; events?: ServedEvent[]; k?: number };
    const seqs = sequencesFor(body.user_id, body.events);
    const fitted = o.fittedSegments?.get(body.user_id);
    if (seqs === undefined && fitted !== undefined) {
      // A fitted user with no events here: the segment's list, no personal history.
      const none = sequencesFromEvents([{ user: body.user_id, events: [] }]);
      return {
        user_id: body.user_id,
        segment: fitted,
        tag: model.tagOf(fitted),
        items: model.recommend(none, 0, fitted, body.k ?? 10),
      };
    }
    if (seqs === undefined) return reply.code(400).send(noEvents(body.user_id));
    const [a] = await model.assign(seqs);
    return {
      user_id: body.user_id,
      segment: a.segment,
      tag: a.tag,
      items: model.recommend(seqs, 0, a.segment, body.k ?? 10),
    };
  });
  app.post('/v1/events', { schema: { body: EVENTS_SCHEMA } }, async (req) => {
    const body = req.body as { user_id: string; events: ServedEvent[] };
    journal.append({ user_id: body.user_id, events: body.events });
    metrics.eventsAccepted += body.events.length;
    remember(body.user_id, body.events);
    const [segment] = await model.learn(
      sequencesFromEvents([{ user: body.user_id, events: userEvents.get(body.user_id)! }]),
    );
    return { accepted: body.events.length, user_id: body.user_id, segment };
  });
  app.get('/v1/segments', async () => ({
    model: model.model.candidate.id,
    segments: model.model.profiles
      .filter((p) => p.segment >= 0)
      .map((p) => ({
        ...p,
        tag: model.model.tags.find((t) => t.segment === p.segment)?.tag ?? '',
        online_size: model.centroids.size[p.segment],
      })),
  }));
  app.get('/healthz', async () => ({
    status: 'ok',
    model: model.model.candidate.id,
    format_version: model.model.format_version,
    segments: model.model.clusters.k,
  }));
  app.get('/metrics', async (_req, reply) =>
    reply.type('text/plain; version=0.0.4').send(metrics.text(model.centroids.size)),
  );
  return app;
}
