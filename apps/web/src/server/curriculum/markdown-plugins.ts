// Two small unified plugins for topic pages:
//  - remarkCallouts: GitHub-style alerts (> [!NOTE], [!TIP], [!IMPORTANT], [!WARNING],
//    [!CAUTION]) become <aside class="callout callout-note"> with a title;
//  - rehypeHeadingAnchors: ids for h2-h4 from one slugger per topic (ids stay unique
//    across the page's separately rendered chunks), a "#" link, and the heading list that
//    feeds the on-page table of contents.
import GithubSlugger from "github-slugger";
import { toString as hastToString } from "hast-util-to-string";
import type { Element, Root as HastRoot } from "hast";
import type { Blockquote, Paragraph, Root as MdastRoot } from "mdast";
import { visit } from "unist-util-visit";

const CALLOUT_KINDS = { NOTE: "Note", TIP: "Tip", IMPORTANT: "Important", WARNING: "Warning", CAUTION: "Caution" } as const;
const CALLOUT_MARKER = /^\[!(NOTE|TIP|IMPORTANT|WARNING|CAUTION)\]\s*/;

export function remarkCallouts() {
  return (tree: MdastRoot) => {
    visit(tree, "blockquote", (node: Blockquote) => {
      const first = node.children[0] as Paragraph | undefined;
      const text = first?.type === "paragraph" && first.children[0]?.type === "text" ? first.children[0] : null;
      const match = text ? CALLOUT_MARKER.exec(text.value) : null;
      if (!text || !match) return;
      const kind = match[1] as keyof typeof CALLOUT_KINDS;
      text.value = text.value.slice(match[0].length);
      node.data = { hName: "aside", hProperties: { className: ["callout", `callout-${kind.toLowerCase()}`], "data-callout": CALLOUT_KINDS[kind] } };
    });
  };
}

export interface THeading {
  depth: 2 | 3 | 4;
  id: string;
  text: string;
}

export function rehypeHeadingAnchors(options: { slugger: GithubSlugger; headings: THeading[] }) {
  return (tree: HastRoot) => {
    visit(tree, "element", (node: Element) => {
      const depth = { h2: 2, h3: 3, h4: 4 }[node.tagName] as THeading["depth"] | undefined;
      if (!depth) return;
      const text = hastToString(node).trim();
      const id = options.slugger.slug(text);
      node.properties = { ...node.properties, id };
      node.children.push({ type: "element", tagName: "a", properties: { href: `#${id}`, className: ["heading-anchor"], ariaLabel: `Link to ${text}` }, children: [{ type: "text", value: "#" }] });
      options.headings.push({ depth, id, text });
    });
  };
}
