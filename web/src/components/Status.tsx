import { ApiError } from "../api/http";

export function Loading({ what }: { what: string }) {
  return (
    <p className="status" role="status" aria-live="polite">
      Loading {what}…
    </p>
  );
}

export function describe(error: Error): string {
  if (error instanceof ApiError) return error.message;
  return "Something went wrong. Please try again.";
}

export function Failure({ error, retry }: { error: Error; retry?: () => void }) {
  return (
    <div className="status status-failed" role="alert">
      <p>{describe(error)}</p>
      {retry && (
        <button type="button" onClick={retry}>
          Try again
        </button>
      )}
    </div>
  );
}
