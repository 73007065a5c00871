/**
 * A stream's values through `map`, with one promise per value: an async generator
 * (`for await … yield`) costs several, and every live event passes three such layers
 * (compiled execution, metrics, transport) for each subscriber. Ending the result, or the
 * source ending or failing, calls `onEnd` once; ending the result ends the source.
 */
export function mapStream<T, R>(source: AsyncIterable<T>, map: (value: T) => R, onEnd: () => void = () => undefined): AsyncIterableIterator<R> {
  const it = source[Symbol.asyncIterator]();
  let open = true;
  const end = () => {
    if (open) onEnd();
    open = false;
  };
  const done = { done: true, value: undefined } as IteratorReturnResult<undefined> as IteratorResult<R>;
  const stream: AsyncIterableIterator<R> = {
    next: () =>
      it.next().then(
        (r) => {
          if (!r.done) return { done: false, value: map(r.value) };
          end();
          return done;
        },
        (err: unknown) => {
          end();
          throw err;
        },
      ),
    return: () => {
      end();
      return it.return ? it.return().then(() => done) : Promise.resolve(done);
    },
    throw: (err?: unknown) => {
      end();
      return it.throw ? it.throw(err).then(() => done) : Promise.reject(err);
    },
    [Symbol.asyncIterator]: () => stream,
  };
  return stream;
}
