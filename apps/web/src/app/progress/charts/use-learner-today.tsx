"use client";
// Which calendar day it is for the learner. Activity days are stored as the learner's local
// days, and only the browser knows its time zone. The server renders with its estimate
// (the UTC day); hydration reuses that estimate, so server and client HTML agree, and React
// then re-renders with the browser's own day.
import { useSyncExternalStore } from "react";

export function useLearnerToday(serverEstimate: string): string {
  return useSyncExternalStore(subscribeToReturns, readBrowserToday, () => serverEstimate);
}

/** A tab left open overnight shows the new day when the learner comes back to it. */
function subscribeToReturns(onChange: () => void): () => void {
  document.addEventListener("visibilitychange", onChange);
  return () => document.removeEventListener("visibilitychange", onChange);
}

function readBrowserToday(): string {
  const now = new Date();
  return `${now.getFullYear()}-${String(now.getMonth() + 1).padStart(2, "0")}-${String(now.getDate()).padStart(2, "0")}`;
}
