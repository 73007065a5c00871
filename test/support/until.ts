/** Asks `probe` every `everyMs` until it answers something truthy (returned), or throws after `ms`. */
export async function until<T>(probe: () => Promise<T | undefined | false | null>, ms: number, everyMs = 50): Promise<T> {
  const end = Date.now() + ms;
  for (;;) {
    const v = await probe();
    if (v) return v;
    if (Date.now() > end) throw new Error('timed out');
    await new Promise((r) => setTimeout(r, everyMs));
  }
}
