import { describe, expect, it } from "vitest";
import { highlightSegments } from "./highlight";

describe("highlightSegments", () => {
  it("splits marked words from the rest", () => {
    expect(highlightSegments("Pro Jigsaw <mark>Puzzle</mark> Box")).toEqual([
      { text: "Pro Jigsaw ", marked: false },
      { text: "Puzzle", marked: true },
      { text: " Box", marked: false },
    ]);
  });

  it("unescapes entities and keeps any other markup as text", () => {
    expect(highlightSegments("Salt &amp; <mark>Pepper</mark> &lt;b&gt;")).toEqual([
      { text: "Salt & ", marked: false },
      { text: "Pepper", marked: true },
      { text: " <b>", marked: false },
    ]);
    expect(highlightSegments("<img src=x onerror=alert(1)>")).toEqual([
      { text: "<img src=x onerror=alert(1)>", marked: false },
    ]);
  });
});
