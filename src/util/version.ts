import { createRequire } from 'node:module';

/** The segscope package version, recorded in results, models and reports. */
export const SEGSCOPE_VERSION: string = (
  createRequire(import.meta.url)('../../../package.json') as { version: string }
).version;
