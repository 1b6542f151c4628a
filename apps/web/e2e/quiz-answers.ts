// The right (and a wrong) answer to each question of a topic's quiz, read from the same
// content files the server grades against, so specs never hard-code answers.
import { hashQuiz, loadCurriculum } from "@perflab/content";
import { REPO_ROOT } from "@perflab/db/admin";
import { join } from "node:path";

export function quizAnswers(topicId: string): { id: string; right: number; wrong: number }[] {
  const topic = loadCurriculum(join(REPO_ROOT, "content")).curriculum.topics.find((candidate) => candidate.id === topicId);
  if (!topic?.quiz) throw new Error(`topic ${topicId} has no quiz`);
  return topic.quiz.questions.map((question) => ({ id: question.id, right: question.answer, wrong: (question.answer + 1) % question.choices.length }));
}

export function exerciseIds(topicId: string): string[] {
  const topic = loadCurriculum(join(REPO_ROOT, "content")).curriculum.topics.find((candidate) => candidate.id === topicId);
  return topic?.exercises.map((exercise) => exercise.id) ?? [];
}

/** The hash the topic page sends with a submission (the quiz as the server has it). */
export function quizHashOf(topicId: string): string {
  const topic = loadCurriculum(join(REPO_ROOT, "content")).curriculum.topics.find((candidate) => candidate.id === topicId);
  if (!topic?.quiz) throw new Error(`topic ${topicId} has no quiz`);
  return hashQuiz(topic.quiz.questions);
}
