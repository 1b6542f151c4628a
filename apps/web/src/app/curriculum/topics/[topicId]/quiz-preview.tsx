// The quiz's questions and choices. Answers and explanations stay on the server; grading
// and recorded attempts arrive with accounts and progress.
import type { TPublicQuizQuestion } from "@/server/curriculum/render-topic";

export function QuizPreview({ questions }: { questions: TPublicQuizQuestion[] }) {
  return (
    <form className="not-prose my-6 space-y-5 rounded-lg border border-slate-200 bg-white p-5" data-testid="quiz">
      {questions.map((question) => (
        <fieldset key={question.id}>
          <legend className="font-medium text-slate-900">{question.question}</legend>
          {question.choices.map((choice, index) => (
            <label key={index} className="mt-1 flex gap-2 text-sm text-slate-700">
              <input type="radio" name={question.id} value={index} /> {choice}
            </label>
          ))}
        </fieldset>
      ))}
    </form>
  );
}
