/** Runs the steps given to it one at a time, in order; a failed step does not stop the next. */
export function serialQueue() {
  let tail: Promise<unknown> = Promise.resolve();
  return <T>(step: () => Promise<T>): Promise<T> => {
    const run = tail.then(step);
    tail = run.catch(() => undefined);
    return run;
  };
}
