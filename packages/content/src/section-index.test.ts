import { describe, expect, it } from "vitest";
import { ContentError, parseSectionIndex } from "./section-index";

const valid = `---
section: 2
title: CPU Architecture, Scheduling & Interrupts
summary: How CPUs, the scheduler and interrupts decide where time goes.
---
# Body
`;

describe("parseSectionIndex", () => {
  it("parses the front matter and keeps the body", () => {
    const section = parseSectionIndex(valid, "docs/02-cpu/index.md", "02-cpu");
    expect(section).toMatchObject({ section: 2, title: "CPU Architecture, Scheduling & Interrupts", folder: "02-cpu" });
    expect(section.body).toBe("# Body\n");
  });

  it.each([
    ["no front matter", "# just markdown", "02-cpu", "missing front matter"],
    ["bad YAML", "---\nsection: [\n---\n", "02-cpu", "not valid YAML"],
    ["unknown key", valid.replace("summary:", "colour: red\nsummary:"), "02-cpu", "colour"],
    ["missing title", valid.replace(/title:.*\n/, ""), "02-cpu", "(title)"],
    ["folder mismatch", valid, "03-memory", "(section): is 2 but the folder says 3"],
    ["badly named folder", valid, "cpu", 'section folder "cpu"'],
  ])("rejects %s with the file and field named", (_name, text, folder, expected) => {
    expect(() => parseSectionIndex(text, "docs/x/index.md", folder)).toThrow(ContentError);
    expect(() => parseSectionIndex(text, "docs/x/index.md", folder)).toThrow(expected);
  });
});
