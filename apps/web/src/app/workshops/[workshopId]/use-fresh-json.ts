"use client";
// JSON from a route handler, kept fresh by whoever calls refetchSoon (socket events): at
// most one request a second however many events arrive, again after each resubscribe
// (`generation`), and once a minute whatever happens.
import { useCallback, useEffect, useRef, useState } from "react";

const REFRESH_EVERY_MS = 60_000;
const MIN_REFETCH_GAP_MS = 1000;

export function useFreshJson<T>(url: string, generation: number, what: string): { data: T | null; problem: string | null; refetchSoon: () => void } {
  const [data, setData] = useState<T | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const lastFetch = useRef(0);
  const pending = useRef<ReturnType<typeof setTimeout> | null>(null);

  const refetchSoon = useCallback(() => {
    if (pending.current) return;
    pending.current = setTimeout(
      async () => {
        pending.current = null;
        lastFetch.current = Date.now();
        const response = await fetch(url, { cache: "no-store" }).catch(() => null);
        if (!response?.ok) return setProblem(`Could not load ${what}; retrying`);
        setData(((await response.json()) as { data: T }).data);
        setProblem(null);
      },
      Math.max(0, lastFetch.current + MIN_REFETCH_GAP_MS - Date.now()),
    );
  }, [url, what]);

  useEffect(() => {
    refetchSoon(); // first load, and whatever happened while disconnected
  }, [refetchSoon, generation]);
  useEffect(() => {
    const timer = setInterval(refetchSoon, REFRESH_EVERY_MS);
    return () => {
      clearInterval(timer);
      if (pending.current) clearTimeout(pending.current);
      pending.current = null;
    };
  }, [refetchSoon]);
  return { data, problem, refetchSoon };
}
