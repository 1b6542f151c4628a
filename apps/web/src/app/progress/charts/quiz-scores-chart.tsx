"use client";
// Best quiz score per attempted topic, against the pass mark; passed topics in emerald.
import { Bar, BarChart, CartesianGrid, Rectangle, ReferenceLine, ResponsiveContainer, Tooltip, XAxis, YAxis, type BarShapeProps } from "recharts";
import type { TQuizSummary } from "@/server/progress/build-dashboard";
import { CHART_COLORS, ChartFrame, TICK_STYLE } from "./chart-frame";

const CHART_HEIGHT_PX = 220;

export function QuizScoresChart({ quizzes, passThresholdPercent }: { quizzes: TQuizSummary[]; passThresholdPercent: number | null }) {
  const passedCount = quizzes.filter((quiz) => quiz.passed).length;
  const summary =
    quizzes.length === 0
      ? "No quiz taken yet: each topic ends with one."
      : `Passed ${passedCount} of ${quizzes.length} quizzes taken${passThresholdPercent === null ? "" : `; the pass mark is ${passThresholdPercent} %`}.`;
  return (
    <ChartFrame testId="chart-quiz" title="Quiz scores" summary={summary} table={<QuizTable quizzes={quizzes} />}>
      {quizzes.length === 0 ? null : (
        <ResponsiveContainer width="100%" height={CHART_HEIGHT_PX}>
          <BarChart data={quizzes} margin={{ top: 16, right: 8, bottom: 0, left: 0 }} accessibilityLayer={false}>
            <CartesianGrid vertical={false} stroke={CHART_COLORS.grid} />
            <XAxis dataKey="topicId" tick={TICK_STYLE} />
            <YAxis domain={[0, 100]} ticks={[0, 25, 50, 75, 100]} width={48} unit=" %" tick={TICK_STYLE} />
            <Tooltip
              labelFormatter={(topicId) => quizzes.find((quiz) => quiz.topicId === topicId)?.title ?? String(topicId)}
              formatter={(value) => [`${String(value)} %`, "best score"]}
              cursor={{ fill: CHART_COLORS.barBackground }}
            />
            {passThresholdPercent === null ? null : (
              <ReferenceLine y={passThresholdPercent} stroke={CHART_COLORS.threshold} strokeDasharray="4 4" label={{ value: `pass ${passThresholdPercent} %`, position: "insideTopRight", fill: CHART_COLORS.threshold, fontSize: 12 }} />
            )}
            <Bar dataKey="bestScorePercent" shape={PassColoredBar} maxBarSize={56} isAnimationActive={false} />
          </BarChart>
        </ResponsiveContainer>
      )}
    </ChartFrame>
  );
}

/** Only the geometry is passed on: the shape props also carry data fields that are no SVG attributes. */
function PassColoredBar(props: BarShapeProps) {
  const quiz = props.payload as TQuizSummary;
  return <Rectangle x={props.x} y={props.y} width={props.width} height={props.height} radius={[3, 3, 0, 0]} fill={quiz.passed ? CHART_COLORS.bar : CHART_COLORS.barMuted} />;
}

function QuizTable({ quizzes }: { quizzes: TQuizSummary[] }) {
  return (
    <table>
      <caption>Quiz scores per topic</caption>
      <thead>
        <tr>
          <th scope="col">Topic</th>
          <th scope="col">Best score</th>
          <th scope="col">Latest score</th>
          <th scope="col">Attempts</th>
          <th scope="col">Passed</th>
        </tr>
      </thead>
      <tbody>
        {quizzes.map((quiz) => (
          <tr key={quiz.topicId}>
            <th scope="row">
              {quiz.topicId} {quiz.title}
            </th>
            <td>{quiz.bestScorePercent} %</td>
            <td>{quiz.latestScorePercent} %</td>
            <td>{quiz.attempts}</td>
            <td>{quiz.passed ? "yes" : "no"}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
