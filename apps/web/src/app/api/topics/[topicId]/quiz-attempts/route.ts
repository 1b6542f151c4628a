// POST /api/topics/:topicId/quiz-attempts – grade a quiz on the server and record it.
// Rejected submissions (malformed, unknown question, another topic's answers) get 400 and
// leave no trace; a quiz edited since the page loaded gets 409.
import { gradeQuiz } from "@perflab/content";
import { recordQuizAttempt } from "@perflab/db";
import { getCurriculum } from "@/server/curriculum/get-curriculum";
import { getDb } from "@/server/db";
import { apiError, authorizeWrite, jsonResponse, readJsonBody } from "@/server/http/api";
import { announceProgress } from "@/server/realtime/announce-progress";

export async function POST(request: Request, { params }: { params: Promise<{ topicId: string }> }) {
  const authorized = await authorizeWrite(request);
  if ("response" in authorized) return authorized.response;
  const { topicId } = await params;
  const topic = getCurriculum().findTopic(decodeURIComponent(topicId));
  if (!topic?.quiz) return apiError(404, "No quiz for this topic");
  const read = await readJsonBody(request);
  if ("response" in read) return read.response;

  const graded = gradeQuiz(topic.id, topic.quiz.questions, read.body);
  if ("error" in graded) return apiError(graded.error === "quiz-changed" ? 409 : 400, graded.message);
  const recorded = await recordQuizAttempt(getDb(), authorized.user, topic.id, graded.data);
  if ("error" in recorded) return apiError(404, "This topic is not part of the curriculum any more");
  announceProgress(authorized.user.id);
  const { results, correctCount, questionCount } = graded.data;
  return jsonResponse(201, { data: { ...recorded.data, correctCount, questionCount, results } });
}
