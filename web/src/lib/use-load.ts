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
// abandoning an answer that arrives after the component moved on.
export function useLoad<T>(
  load: (signal: AbortSignal) => Promise<T>,
  dependencies: DependencyList,
  options: LoadOptions = {},
): Loaded<T> & { retry: () => void } {
  const [state, setState] = useState<Loaded<T>>({ status: "loading" });
  const [attempt, setAttempt] = useState(0);
  const keepPrevious = options.keepPrevious ?? false;
  useEffect(() => {
    const controller = new AbortController();
    setState((previous) =>
      keepPrevious && previous.status === "ready" ? { ...previous, refreshing: true } : { status: "loading" },
    );
    load(controller.signal).then(
      (data) => {
        if (!controller.signal.aborted) setState({ status: "ready", data });
      },
      (error: unknown) => {
        if (controller.signal.aborted) return;
        setState({ status: "failed", error: error instanceof Error ? error : new Error(String(error)) });
      },
    );
    return () => controller.abort();
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [...dependencies, attempt]);
  const retry = useCallback(() => setAttempt((n) => n + 1), []);
  return { ...state, retry };
}
