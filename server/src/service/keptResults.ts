// Results a feature hands out again, unchanged, for the same document version
// (the outline, which the outline view, the breadcrumbs and sticky scroll ask
// for again and again). A transport that encodes its own messages (stdio:
// server/src/node/stdio.ts) keeps the bytes of such a result and sends those again
// instead of encoding it anew. Pure: no Node built-ins.

const kept = new WeakSet<object>();

/** Marks `result` as handed out again unchanged: it is never changed once returned. */
export function keepResult<T extends object>(result: T): T {
  kept.add(result);
  return result;
}

/** Whether `result` was marked by `keepResult`. */
export function isKeptResult(result: unknown): result is object {
  return typeof result === 'object' && result !== null && kept.has(result);
}
