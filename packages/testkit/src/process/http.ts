// Polling an HTTP endpoint until it answers 200, for start-up waits and benchmarks.
export async function waitForHttpOk(url: string, timeoutMs: number, intervalMs = 50): Promise<Response> {
  const deadline = Date.now() + timeoutMs;
  let lastProblem = "no attempt";
  while (Date.now() < deadline) {
    try {
      const response = await fetch(url, { signal: AbortSignal.timeout(2_000) });
      if (response.ok) return response;
      lastProblem = `HTTP ${response.status}`;
    } catch (error) {
      lastProblem = (error as Error).message;
    }
    await new Promise((resolve) => setTimeout(resolve, intervalMs));
  }
  throw new Error(`${url} did not answer 200 within ${timeoutMs} ms (last: ${lastProblem})`);
}
