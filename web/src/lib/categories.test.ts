import { describe, expect, it } from "vitest";
import type { Category } from "../api/types";
import { categoryTrail, categoryTree } from "./categories";

const category = (id: string, path: string, parent: string | null, position: number): Category => ({
  id,
  slug: path.split("/").at(-1)!,
  name: path.toUpperCase(),
  parent_id: parent,
  path,
  position,
});

const flat = [
  category("a", "audio", null, 1),
  category("h", "audio/headphones", "a", 1),
  category("s", "audio/speakers", "a", 0),
  category("b", "books", null, 0),
];

describe("categories", () => {
  it("nest under their parents, ordered by position", () => {
    const tree = categoryTree(flat);
    expect(tree.map((node) => node.id)).toEqual(["b", "a"]);
    expect(tree[1]!.children.map((node) => node.id)).toEqual(["s", "h"]);
  });

  it("give the trail from the top to a path", () => {
    expect(categoryTrail(flat, "audio/speakers").map((each) => each.id)).toEqual(["a", "s"]);
    expect(categoryTrail(flat, "nowhere")).toEqual([]);
  });
});
