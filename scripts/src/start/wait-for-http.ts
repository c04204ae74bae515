/** Polls `url` until it answers with a 2xx; false if `while` turns false or the timeout passes first. */
export async function waitForHttp(
  url: string,
  {
    timeoutMs,
    intervalMs = 250,
    while: keepWaiting = () => true,
  }: { timeoutMs: number; intervalMs?: number; while?: () => boolean },
): Promise<boolean> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline && keepWaiting()) {
    try {
      const res = await fetch(url, { signal: AbortSignal.timeout(2000) });
      if (res.ok) return true;
    } catch {
      // not up yet
    }
    await new Promise((resolve) => setTimeout(resolve, intervalMs));
  }
  return false;
}
