// "Your assignments" on /progress: the tracks the learner's teams assigned them, each with
// its topics in order and the learner's own status on each, the due date and an overdue
// flag. Nothing is shown to someone on no team, so a self-paced learner sees no empty box.
import type { TLearnerAssignment } from "@perflab/db";
import Link from "next/link";
import { TopicStatusBadge } from "@/components/progress/topic-status-badge";

const dayFormat = new Intl.DateTimeFormat("en", { dateStyle: "medium", timeZone: "UTC" });

export function AssignmentsSection({ assignments }: { assignments: TLearnerAssignment[] }) {
  if (assignments.length === 0) return null;
  const overdue = assignments.filter((assignment) => assignment.isOverdue).length;
  return (
    <section aria-labelledby="assignments" className="mt-6">
      <h2 id="assignments" className="text-lg font-semibold">
        Your assignments
      </h2>
      <p className="mt-1 text-sm text-slate-600">
        Tracks your team leads assigned you: {assignments.length} in all{overdue > 0 ? `, ${overdue} overdue` : ""}. Due dates end at midnight UTC.
      </p>
      <ul className="mt-3 grid gap-4 lg:grid-cols-2">
        {assignments.map((assignment) => (
          <li
            key={assignment.trackId}
            className={`rounded-lg border bg-white p-5 shadow-sm ${assignment.isOverdue ? "border-red-300" : "border-slate-200"}`}
            data-testid="assignment"
            data-state={assignment.state}
            data-overdue={assignment.isOverdue}
          >
            <div className="flex flex-wrap items-baseline justify-between gap-2">
              <h3 className="font-semibold">{assignment.title}</h3>
              <span className="text-xs text-slate-500">{assignment.team.name}</span>
            </div>
            <p className="mt-1 text-sm text-slate-600">
              Due {dayFormat.format(assignment.dueAt)} ·{" "}
              <span data-testid="assignment-progress">
                {assignment.completed} of {assignment.total} topics completed
              </span>
              {assignment.isOverdue ? (
                <span className="ml-2 rounded bg-red-100 px-2 py-0.5 text-xs font-medium text-red-800" data-testid="assignment-overdue">
                  overdue
                </span>
              ) : assignment.state === "COMPLETED" ? (
                <span className="ml-2 rounded bg-emerald-100 px-2 py-0.5 text-xs font-medium text-emerald-800">done</span>
              ) : null}
            </p>
            <ol className="mt-3 space-y-1.5 text-sm">
              {assignment.topics.map((topic, index) => (
                <li key={topic.id} className="flex items-center justify-between gap-2" data-testid="assignment-topic" data-topic-id={topic.id}>
                  <Link href={`/curriculum/topics/${topic.id}`} className="hover:underline">
                    <span className="text-slate-500">{index + 1}.</span> {topic.id} {topic.title}
                  </Link>
                  <TopicStatusBadge status={topic.status} />
                </li>
              ))}
            </ol>
          </li>
        ))}
      </ul>
    </section>
  );
}
