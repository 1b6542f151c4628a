"use client";
// The topic's quiz. Only questions and choices are here; the server grades a submission
// and answers with which were wrong and every explanation. Retries are new attempts.
import Link from "next/link";
import { useRouter } from "next/navigation";
import { useState, type FormEvent } from "react";
import type { TPublicQuizQuestion } from "@/server/curriculum/render-topic";

interface TGradedAttempt {
  attemptNumber: number;
  scorePercent: number;
  passThresholdPercent: number;
  passed: boolean;
  topicStatus: string;
  correctCount: number;
  questionCount: number;
  results: { id: string; chosen: number; isCorrect: boolean; explanation: string }[];
}

interface QuizFormProps {
  topicId: string;
  quizHash: string;
  questions: TPublicQuizQuestion[];
  isSignedIn: boolean;
  previousAttempts: number;
  hasPassed: boolean;
}

export function QuizForm({ topicId, quizHash, questions, isSignedIn, previousAttempts, hasPassed }: QuizFormProps) {
  const router = useRouter();
  const [graded, setGraded] = useState<TGradedAttempt | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [isPending, setIsPending] = useState(false);
  const [formKey, setFormKey] = useState(0); // a new key clears the radios for a retry

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const answers: Record<string, number> = {};
    for (const question of questions) {
      const chosen = form.get(question.id);
      if (chosen !== null) answers[question.id] = Number(chosen);
    }
    if (Object.keys(answers).length < questions.length) {
      setError("Answer every question before submitting.");
      return;
    }
    setIsPending(true);
    setError(null);
    try {
      const response = await fetch(`/api/topics/${encodeURIComponent(topicId)}/quiz-attempts`, {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ topicId, quizHash, answers }),
      });
      const payload = (await response.json()) as { data?: TGradedAttempt; error?: string };
      if (!response.ok || !payload.data) setError(payload.error ?? `The server refused the submission (${response.status}).`);
      else {
        setGraded(payload.data);
        router.refresh(); // status badges and the dashboard read the new attempt
      }
    } catch {
      setError("Could not reach the server. Your answers are still here; try again.");
    } finally {
      setIsPending(false);
    }
  }

  const resultById = new Map(graded?.results.map((result) => [result.id, result]));
  return (
    <section className="not-prose my-6 rounded-lg border border-slate-200 bg-white p-5" data-testid="quiz">
      <p className="font-mono text-xs text-slate-500">
        Quiz{previousAttempts > 0 ? ` · ${previousAttempts} attempt${previousAttempts === 1 ? "" : "s"} so far` : ""}{hasPassed ? " · passed" : ""}
      </p>
      <form key={formKey} onSubmit={onSubmit} className="mt-3 space-y-5">
        {questions.map((question) => {
          const result = resultById.get(question.id);
          return (
            <fieldset key={question.id} disabled={Boolean(graded)} data-testid="quiz-question" data-correct={result ? String(result.isCorrect) : undefined}>
              <legend className="font-medium text-slate-900">{question.question}</legend>
              {question.choices.map((choice, index) => (
                <label key={index} className={`mt-1 flex gap-2 text-sm ${result?.chosen === index ? (result.isCorrect ? "text-emerald-800" : "text-red-700") : "text-slate-700"}`}>
                  <input type="radio" name={question.id} value={index} required /> {choice}
                </label>
              ))}
              {result ? (
                <p className={`mt-2 rounded-md p-3 text-sm ${result.isCorrect ? "bg-emerald-50 text-emerald-900" : "bg-red-50 text-red-900"}`}>
                  <span className="font-medium">{result.isCorrect ? "Correct. " : "Not quite. "}</span>
                  {result.explanation}
                </p>
              ) : null}
            </fieldset>
          );
        })}
        {error ? (
          <p role="alert" className="text-sm text-red-600">
            {error}
          </p>
        ) : null}
        {graded ? (
          <div role="status" data-testid="quiz-result" data-passed={String(graded.passed)} className={`rounded-md p-4 text-sm ${graded.passed ? "bg-emerald-50" : "bg-amber-50"}`}>
            <p className="font-medium">
              {graded.correctCount} of {graded.questionCount} correct ({graded.scorePercent} %): {graded.passed ? "passed" : `not passed yet (pass mark ${graded.passThresholdPercent} %)`}.
            </p>
            <p className="mt-1 text-slate-600">
              Attempt {graded.attemptNumber}.{" "}
              {graded.topicStatus === "COMPLETED" ? "Topic completed. " : graded.passed ? "Finish or skip the exercises to complete the topic. " : "Read the explanations, then try again. "}
              <Link href="/progress" className="text-emerald-700 hover:underline">Your progress</Link>
            </p>
            <button type="button" onClick={() => { setGraded(null); setFormKey((key) => key + 1); }} className="mt-3 rounded-md border border-slate-300 px-3 py-1 text-slate-700 hover:bg-white">
              Try again
            </button>
          </div>
        ) : isSignedIn ? (
          <button type="submit" disabled={isPending} className="rounded-md bg-emerald-600 px-4 py-2 text-sm font-medium text-white hover:bg-emerald-700 disabled:opacity-60">
            {isPending ? "Grading…" : "Submit answers"}
          </button>
        ) : (
          <p className="text-sm text-slate-600">
            <Link href={`/sign-in?callbackUrl=${encodeURIComponent(`/curriculum/topics/${topicId}`)}`} className="font-medium text-emerald-700 hover:underline">Sign in</Link> to submit your answers and track your progress.
          </p>
        )}
      </form>
    </section>
  );
}
