/**
 * Polls `check` until it returns true; the message names what was awaited when it times out. Every
 * half second by default: a check of the workbench costs its renderer CPU that the scenarios
 * running beside it share.
 */
export async function waitFor(what: string, check: () => boolean | Promise<boolean>, timeoutMs: number, intervalMs = 500): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    if (await check()) return;
    if (Date.now() > deadline) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
    await new Promise((r) => setTimeout(r, intervalMs));
  }
}
