import { useCallback, useEffect, useState, type DependencyList } from "react";

export type Loaded<T> =
  { status: "loading" } | { status: "failed"; error: Error } | { status: "ready"; data: T; refreshing?: boolean };

export interface LoadOptions {
  // While new dependencies load, keep showing the last answer (marked
  // `refreshing`) instead of a loading state: a filter that is clicked
  // stays where it is instead of vanishing with the results.
  keepPrevious?: boolean;
}

// Loads what a component shows, again whenever `dependencies` change,
// abandoning an answer that arrives after the component moved on. An answer
// is kept with the inputs it was loaded for: on the render where the inputs
// change, before any effect has run, it is no longer shown as current.
export function useLoad<T>(
  load: (signal: AbortSignal) => Promise<T>,
  dependencies: DependencyList,
  options: LoadOptions = {},
): Loaded<T> & { retry: () => void } {
  const [attempt, setAttempt] = useState(0);
  const inputs = [...dependencies, attempt];
  const [held, setHeld] = useState<{ inputs: unknown[]; loaded: Loaded<T> }>({
    inputs,
    loaded: { status: "loading" },
  });
  useEffect(() => {
    const controller = new AbortController();
    load(controller.signal).then(
      (data) => {
        if (!controller.signal.aborted) setHeld({ inputs, loaded: { status: "ready", data } });
      },
      (error: unknown) => {
        if (controller.signal.aborted) return;
        const failure = error instanceof Error ? error : new Error(String(error));
        setHeld({ inputs, loaded: { status: "failed", error: failure } });
      },
    );
    return () => controller.abort();
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, inputs);
  const retry = useCallback(() => setAttempt((n) => n + 1), []);
  return { ...current(held, inputs, options.keepPrevious ?? false), retry };
}

function current<T>(
  held: { inputs: unknown[]; loaded: Loaded<T> },
  inputs: unknown[],
  keepPrevious: boolean,
): Loaded<T> {
  const same = held.inputs.length === inputs.length && held.inputs.every((input, i) => Object.is(input, inputs[i]));
  if (same) return held.loaded;
  // While new inputs load, keep showing the last answer if asked to.
  if (keepPrevious && held.loaded.status === "ready") return { ...held.loaded, refreshing: true };
  return { status: "loading" };
}
