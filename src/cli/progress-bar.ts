import type { ProgressCallback } from '../util/progress.js';
import type { CommandIO } from './command.js';

/**
 * Renders library progress events as one updating line on a TTY (stderr), throttled to 10 Hz.
 * Off a TTY it prints nothing, so logs and pipes stay clean.
 */
export function progressBar(io: CommandIO): ProgressCallback & { done(): void } {
  const tty = io.stderr.isTTY === true;
  let last = 0;
  let shown = false;
  const cb = ((event) => {
    if (!tty) return;
    const now = Date.now();
    const finished = event.total !== undefined && event.done >= event.total;
    if (!finished && now - last < 100) return;
    last = now;
    const pct = event.total ? ` ${((100 * event.done) / event.total).toFixed(0).padStart(3)}%` : '';
    const count = event.total ? ` ${event.done}/${event.total}` : ` ${event.done}`;
    io.stderr.write(`\r\x1b[2K${event.task}${pct}${count}${event.detail ? ` ${event.detail}` : ''}`);
    shown = true;
  }) as ProgressCallback & { done(): void };
  cb.done = () => {
    if (shown) io.stderr.write('\r\x1b[2K');
    shown = false;
  };
  return cb;
}
