/**
 * Check every encoder and algorithm step of a grid before any work starts: each is constructed once
 * (construction validates hyperparameters), and every problem is reported together, with its
 * candidate, as one UsageError (exit 2).
 */
import { createClusterer } from '../cluster/registry.js';
import { createEncoder } from '../encode/registry.js';
import { type ConfigIssue, UsageError } from '../util/errors.js';
import { type CandidateSpec, stepId } from './candidate-grid.js';
import { DEC, resolveParams, withEncoderSeed, withSeed } from './fit-candidate.js';
import { GIVEN } from './run-candidates.js';

export async function checkSteps(candidates: CandidateSpec[]): Promise<void> {
  const issues: ConfigIssue[] = [];
  const seen = new Set<string>();
  for (const c of candidates) {
    if (c.encoder.name === GIVEN) continue;
    const e = `encoder ${stepId(c.encoder)}`;
    if (!seen.has(e)) {
      seen.add(e);
      try {
        await createEncoder(c.encoder.name, withEncoderSeed(c.encoder.name, c.encoder.params, 0));
      } catch (error) {
        issues.push({ path: e, message: (error as Error).message });
      }
    }
    const a = `algorithm ${stepId(c.algorithm)}`;
    if (!seen.has(a)) {
      seen.add(a);
      try {
        if (c.algorithm.name === DEC) {
          const { DeepClusterer } = await import('../cluster/dec.js');
          new DeepClusterer({
            ...(resolveParams(c.algorithm, 1000) as { k: number }),
            encoder: c.encoder.params,
          });
        } else
          await createClusterer(
            c.algorithm.name,
            withSeed(c.algorithm.name, resolveParams(c.algorithm, 1000), 0),
          );
      } catch (error) {
        issues.push({ path: a, message: (error as Error).message });
      }
    }
  }
  if (issues.length > 0) throw new UsageError('invalid candidate grid', issues);
}
