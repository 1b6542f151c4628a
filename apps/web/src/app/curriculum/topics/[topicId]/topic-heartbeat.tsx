"use client";
// Reports reading time while the page is visible and someone is using it. Seconds count
// only while the tab is visible and there was input in the last IDLE_AFTER_MS, so a tab
// left open over lunch adds nothing; the server bounds every report again.
import { useEffect } from "react";

const REPORT_EVERY_MS = 15_000;
const IDLE_AFTER_MS = 2 * 60_000;
const INPUT_EVENTS = ["pointermove", "pointerdown", "keydown", "scroll", "wheel", "touchstart"] as const;

export function TopicHeartbeat({ topicId }: { topicId: string }) {
  useEffect(() => {
    const url = `/api/topics/${encodeURIComponent(topicId)}/heartbeat`;
    let lastInputAt = Date.now();
    let activeSeconds = 0;
    const body = (seconds: number) => JSON.stringify({ activeSeconds: seconds, timezoneOffsetMinutes: new Date().getTimezoneOffset() });
    const report = () => {
      const seconds = activeSeconds;
      activeSeconds = 0;
      void fetch(url, { method: "POST", body: body(seconds), headers: { "content-type": "application/json" }, keepalive: true }).catch(() => undefined);
    };
    const flush = () => {
      if (activeSeconds === 0) return;
      // sendBeacon survives the tab closing; it sends text/plain, which the route accepts.
      navigator.sendBeacon(url, body(activeSeconds));
      activeSeconds = 0;
    };
    const flushOnHide = () => {
      if (document.visibilityState === "hidden") flush();
    };
    const onInput = () => {
      lastInputAt = Date.now();
    };

    report(); // the visit itself
    const tick = window.setInterval(() => {
      if (document.visibilityState === "visible" && Date.now() - lastInputAt < IDLE_AFTER_MS) activeSeconds += 1;
    }, 1000);
    const send = window.setInterval(() => {
      if (activeSeconds > 0) report();
    }, REPORT_EVERY_MS);
    for (const name of INPUT_EVENTS) window.addEventListener(name, onInput, { passive: true });
    document.addEventListener("visibilitychange", flushOnHide);
    window.addEventListener("pagehide", flush); // reloads and closing tabs
    return () => {
      window.removeEventListener("pagehide", flush);
      window.clearInterval(tick);
      window.clearInterval(send);
      for (const name of INPUT_EVENTS) window.removeEventListener(name, onInput);
      document.removeEventListener("visibilitychange", flushOnHide);
      if (activeSeconds > 0) report();
    };
  }, [topicId]);
  return null;
}
