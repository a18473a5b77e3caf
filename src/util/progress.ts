/**
 * Progress is reported by the library through a callback and rendered by the CLI (on a TTY only).
 * `total` may be undefined when unknown.
 */
export interface ProgressEvent {
  /** What is running, e.g. `kmeans k=8` or `item2vec epoch 2/5`. */
  task: string;
  done: number;
  total?: number;
  /** Free-form extra, e.g. `loss 3.21`. */
  detail?: string;
}

export type ProgressCallback = (event: ProgressEvent) => void;

/** A callback that does nothing, the default everywhere. */
export const silentProgress: ProgressCallback = () => {};
