// @perflab/content: loads and validates the curriculum under content/ (format contract:
// ../shared/CONTENT-GUIDE.md, summarised in ARCHITECTURE.md "Curriculum format"). Pure
// parsers live in parse/; load-curriculum.ts is the one module that reads files.
export { buildTableOfContents, compareIds, findNeighbours, type TCurriculum, type TTocSection, type TTocTopic } from "./curriculum";
export { ContentError, formatIssue, type TContentIssue } from "./issues";
export { loadCurriculum, type TLoadResult } from "./load-curriculum";
export { readBodyStructure, type TFencedBlock, type TPart } from "./parse/markdown-structure";
export type { TLocatedExercise, TLocatedQuiz } from "./parse/parse-blocks";
export { parseSectionOverview, type TSectionOverview } from "./parse/parse-section";
export { parseTopicDocument, type TTopicDocument } from "./parse/parse-topic";
export { CLOSING_PARTS, OPENING_PART } from "./parse/body-rules";
export type { TExercise, TQuizQuestion, TScenarioManifest, TTopicFrontMatter } from "./schemas";
export { checkCrossReferences } from "./validate/cross-references";
export { buildSearchIndex, type TSearchHit, type TSearchIndex } from "./search/search-index";
export { gradeQuiz, hashQuiz, ZQuizSubmission, type TQuizGrading, type TQuestionResult } from "./quiz/grade-quiz";
