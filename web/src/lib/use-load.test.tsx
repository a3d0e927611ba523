import { renderHook, waitFor } from "@testing-library/react";
import { describe, expect, it } from "vitest";
import { useLoad } from "./use-load";

const answerFor = (word: string) => Promise.resolve(`answer for ${word}`);

describe("useLoad", () => {
  it("does not show the last answer as current on the render where the inputs change", async () => {
    const rendered: { word: string; data?: string }[] = [];
    const view = renderHook(
      ({ word }) => {
        const loaded = useLoad(() => answerFor(word), [word]);
        rendered.push({ word, data: loaded.status === "ready" ? loaded.data : undefined });
        return loaded;
      },
      { initialProps: { word: "a" } },
    );
    await waitFor(() => expect(view.result.current).toMatchObject({ status: "ready", data: "answer for a" }));
    view.rerender({ word: "b" });
    await waitFor(() => expect(view.result.current).toMatchObject({ status: "ready", data: "answer for b" }));
    expect(rendered.filter(({ word, data }) => word === "b" && data === "answer for a")).toEqual([]);
  });

  it("keeps the last answer, marked refreshing, when asked to", async () => {
    const view = renderHook(({ word }) => useLoad(() => answerFor(word), [word], { keepPrevious: true }), {
      initialProps: { word: "a" },
    });
    await waitFor(() => expect(view.result.current.status).toBe("ready"));
    view.rerender({ word: "b" });
    expect(view.result.current).toMatchObject({ status: "ready", data: "answer for a", refreshing: true });
    await waitFor(() => expect(view.result.current).toMatchObject({ data: "answer for b" }));
    expect(view.result.current).not.toHaveProperty("refreshing", true);
  });

  it("drops an answer that arrives after the inputs moved on", async () => {
    let answerSlowly: (value: string) => void = () => {};
    const slow = new Promise<string>((resolve) => (answerSlowly = resolve));
    const view = renderHook(({ word }) => useLoad(() => (word === "a" ? slow : answerFor(word)), [word]), {
      initialProps: { word: "a" },
    });
    view.rerender({ word: "b" });
    await waitFor(() => expect(view.result.current).toMatchObject({ data: "answer for b" }));
    answerSlowly("late answer for a");
    await slow;
    expect(view.result.current).toMatchObject({ status: "ready", data: "answer for b" });
  });
});
