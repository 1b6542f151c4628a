// @perflab/content: loads the curriculum under content/ (format: ARCHITECTURE.md,
// "Curriculum format"). Pure parsers are separate from the one module that reads files.
export { ContentError, parseSectionIndex, ZSectionFrontMatter, type TSectionIndex } from "./section-index";
export { readSections } from "./read-sections";
