import { register } from 'node:module';

/**
 * tfjs-core's Node bundle ships no gradient definitions: they live in its ES-module build
 * (`dist/gradients/*.js`, registered by `dist/register_all_gradients.js`), whose relative imports
 * omit the `.js` suffix that Node's ESM loader needs (the @tensorflow/tfjs union package relies on a
 * bundler for this). This resolve hook adds the suffix for relative imports inside tfjs-core's
 * dist folder only, then loads the gradients; they register into tfjs's global registry, which the
 * Node bundle shares.
 */
const RESOLVE_HOOK = `
export async function resolve(specifier, context, next) {
  try {
    return await next(specifier, context);
  } catch (error) {
    const parent = context.parentURL ?? '';
    if (parent.includes('/@tensorflow/tfjs-core/dist/') && (specifier.startsWith('./') || specifier.startsWith('../'))) {
      return next(specifier + '.js', context);
    }
    throw error;
  }
}`;

let loaded: Promise<void> | undefined;

/** Registers every tfjs-core gradient once per process. */
export function registerTfjsGradients(): Promise<void> {
  loaded ??= (async () => {
    register(`data:text/javascript,${encodeURIComponent(RESOLVE_HOOK)}`);
    await import('@tensorflow/tfjs-core/dist/register_all_gradients.js');
  })();
  return loaded;
}
