// The per-document table of `content:check`.
import type { TCurriculum } from "../curriculum";

export function formatReport(curriculum: TCurriculum): string {
  const scenarioIds = new Set(curriculum.scenarios.map((scenario) => scenario.id));
  const header = ["topic", "words", "exercises", "questions", "references", "scenarios (* = planned, not written yet)"];
  const rows = curriculum.topics.map((topic) => [
    `${topic.id} ${topic.title}`.slice(0, 48),
    String(topic.wordCount),
    String(topic.exercises.length),
    String(topic.quiz?.questions.length ?? 0),
    String(topic.referenceCount),
    topic.scenarios.map((id) => (scenarioIds.has(id) ? id : `${id}*`)).join(", ") || "-",
  ]);
  const widths = header.map((title, column) => Math.max(title.length, ...rows.map((row) => row[column]!.length)));
  const line = (cells: string[]) => cells.map((cell, column) => (column > 0 && column < 5 ? cell.padStart(widths[column]!) : cell.padEnd(widths[column]!))).join("  ").trimEnd();
  const total = curriculum.topics.reduce((sum, topic) => sum + topic.wordCount, 0);
  return [line(header), line(header.map((_, column) => "-".repeat(widths[column]!))), ...rows.map(line), `${curriculum.topics.length} topics, ${total} words of prose`].join("\n");
}
