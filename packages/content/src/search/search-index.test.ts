import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { loadCurriculum } from "../load-curriculum";
import { buildSearchIndex, tokenize } from "./search-index";

const { curriculum } = loadCurriculum(join(import.meta.dirname, "../../fixtures/valid"));
const index = buildSearchIndex(curriculum);

describe("search", () => {
  it("tokenises paths and snake_case the way people search for them", () => {
    expect(tokenize("/proc/net/softnet_stat time_squeeze 2.3")).toEqual(["proc", "net", "softnet_stat", "time_squeeze", "2", "3"]);
  });

  it("finds the topic and the part that mention a term, with the part's anchor", () => {
    expect(index.search("zebrafish")).toEqual([expect.objectContaining({ topicId: "1.1", partTitle: "1.1.1 Alpha Things", anchor: "111-alpha-things", snippet: expect.stringContaining("zebrafish") })]);
    expect(index.search("walrus").map((hit) => hit.topicId)).toEqual(["1.2"]);
  });

  it("matches the last word as a prefix, so results appear while typing", () => {
    expect(index.search("zebraf").map((hit) => hit.topicId)).toEqual(["1.1"]);
  });

  it("needs every word to match, and ranks title matches first", () => {
    expect(index.search("zebrafish walrus")).toEqual([]);
    expect(index.search("second")[0]).toMatchObject({ topicId: "1.2", partTitle: null });
  });

  it("returns nothing for an empty query", () => {
    expect(index.search("  ")).toEqual([]);
  });
});
