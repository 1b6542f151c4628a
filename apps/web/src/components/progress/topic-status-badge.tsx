// A learner's status on a topic, as a small pill: the same words and colours everywhere.
import type { TTopicStatus } from "@perflab/db";

const LOOK: Record<TTopicStatus, { label: string; className: string }> = {
  NOT_STARTED: { label: "Not started", className: "bg-slate-100 text-slate-600" },
  IN_PROGRESS: { label: "In progress", className: "bg-amber-100 text-amber-800" },
  COMPLETED: { label: "Completed", className: "bg-emerald-100 text-emerald-800" },
};

export function TopicStatusBadge({ status }: { status: TTopicStatus }) {
  const look = LOOK[status];
  return (
    <span className={`inline-block rounded-full px-2 py-0.5 text-xs font-medium ${look.className}`} data-testid="topic-status" data-status={status}>
      {look.label}
    </span>
  );
}
