// "/curriculum/topics/2.3" – one topic, rendered once per process from its Markdown, with
// the signed-in learner's status, exercise reports and quiz. Quiz answers never reach
// this page: only questions and choices are rendered; the server grades submissions.
import { findNeighbours, hashQuiz } from "@perflab/content";
import { getTopicProgress } from "@perflab/db";
import Link from "next/link";
import { notFound } from "next/navigation";
import { TopicStatusBadge } from "@/components/progress/topic-status-badge";
import { getCurrentUser } from "@/server/auth/current-user";
import { getCurriculum } from "@/server/curriculum/get-curriculum";
import { renderTopic } from "@/server/curriculum/render-topic";
import { getDb } from "@/server/db";
import { ExerciseCard } from "./exercise-card";
import { QuizForm } from "./quiz-form";
import { TopicHeartbeat } from "./topic-heartbeat";

export default async function TopicPage({ params }: { params: Promise<{ topicId: string }> }) {
  const { topicId } = await params;
  const loaded = getCurriculum();
  const topic = loaded.findTopic(decodeURIComponent(topicId));
  if (!topic) notFound();
  const { segments, headings } = renderTopic(topic);
  const { previous, next } = findNeighbours(loaded.curriculum, topic.id);
  const user = await getCurrentUser();
  const progress = user ? await getTopicProgress(getDb(), user, user.id, topic.id) : null;
  const quizHash = topic.quiz ? hashQuiz(topic.quiz.questions) : "";
  return (
    <div className="grid gap-10 lg:grid-cols-[1fr_16rem]">
      <article className="min-w-0">
        {user ? <TopicHeartbeat topicId={topic.id} /> : null}
        <p className="font-mono text-xs text-slate-500">
          <Link href="/curriculum" className="hover:underline">Curriculum</Link> ·{" "}
          <Link href={`/curriculum/sections/${topic.section}`} className="hover:underline">Section {topic.section}</Link> · {topic.level} · {topic.minutes} min
        </p>
        <h1 className="mt-2 text-3xl font-semibold tracking-tight">{topic.id} {topic.title}</h1>
        {progress ? (
          <p className="mt-2 flex items-center gap-3 text-xs text-slate-500">
            <TopicStatusBadge status={progress.status} />
            {progress.timeSpentSeconds >= 60 ? <span>{Math.round(progress.timeSpentSeconds / 60)} min spent</span> : null}
          </p>
        ) : null}
        <p className="mt-2 text-slate-600">{topic.summary}</p>
        {topic.prerequisites.length > 0 ? (
          <p className="mt-3 text-sm" data-testid="prerequisites">
            Before this: {topic.prerequisites.map((id) => (
              <Link key={id} href={`/curriculum/topics/${id}`} className="mr-2 text-emerald-700 hover:underline">{id} {loaded.findTopic(id)?.title}</Link>
            ))}
          </p>
        ) : null}
        <div className="topic-body prose prose-slate mt-8 max-w-none">
          {segments.map((segment, index) =>
            segment.kind === "html" ? (
              <div key={index} dangerouslySetInnerHTML={{ __html: segment.html }} />
            ) : segment.kind === "exercise" ? (
              <ExerciseCard
                key={index}
                topicId={topic.id}
                exercise={segment.exercise}
                progress={progress ? (progress.exercises[segment.exercise.id] ?? { status: "NOT_ATTEMPTED", attempts: 0 }) : undefined}
              />
            ) : (
              <QuizForm
                key={index}
                topicId={topic.id}
                quizHash={quizHash}
                questions={segment.questions}
                isSignedIn={user !== null}
                previousAttempts={progress?.quizAttempts.length ?? 0}
                hasPassed={progress?.quizAttempts.some((attempt) => attempt.passed) ?? false}
              />
            ),
          )}
        </div>
        <nav aria-label="Previous and next topic" className="mt-12 flex justify-between border-t border-slate-200 pt-6 text-sm">
          {previous ? <Link href={`/curriculum/topics/${previous.id}`} className="text-emerald-700 hover:underline">← {previous.id} {previous.title}</Link> : <span />}
          {next ? <Link href={`/curriculum/topics/${next.id}`} className="text-emerald-700 hover:underline">{next.id} {next.title} →</Link> : <span />}
        </nav>
      </article>
      <aside className="hidden lg:block">
        <nav aria-label="On this page" className="sticky top-6 text-sm">
          <p className="font-medium text-slate-900">On this page</p>
          <ul className="mt-2 space-y-1">
            {headings.filter((heading) => heading.depth <= 3).map((heading) => (
              <li key={heading.id} className={heading.depth === 3 ? "pl-3" : ""}>
                <a href={`#${heading.id}`} className="text-slate-600 hover:text-slate-900">{heading.text}</a>
              </li>
            ))}
          </ul>
        </nav>
      </aside>
    </div>
  );
}
