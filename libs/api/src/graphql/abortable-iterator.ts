// An async iterator whose return() stops its source at once. A generator's own return() waits until the
// generator next reaches a `yield`; a subscription that polls and finds nothing never does, so after its
// client has gone it would poll the database for ever. Here return() first aborts the signal the source
// waits on, and then lets the source finish.
export function abortableIterator<T>(source: (signal: AbortSignal) => AsyncGenerator<T>): AsyncIterableIterator<T> {
  const controller = new AbortController();
  const inner = source(controller.signal);
  return {
    next: () => inner.next(),
    return: async (value?: unknown) => {
      controller.abort();
      await inner.return(undefined);
      return { done: true, value: value as T };
    },
    throw: (error?: unknown) => {
      controller.abort();
      return inner.throw(error);
    },
    [Symbol.asyncIterator]() {
      return this;
    },
  };
}
