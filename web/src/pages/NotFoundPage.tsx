import { Link, useRouteError } from "react-router";

export function NotFoundPage() {
  return (
    <section className="status-page">
      <h1>Nothing here</h1>
      <p>The page you asked for does not exist (any more).</p>
      <Link to="/">Back to the shop</Link>
    </section>
  );
}

// What a route shows when rendering it threw: the page, not a blank screen.
export function RouteErrorPage() {
  const error = useRouteError();
  return (
    <section className="status-page" role="alert">
      <h1>Something went wrong</h1>
      <p>{error instanceof Error ? error.message : "The page could not be shown."}</p>
      <Link to="/">Back to the shop</Link>
    </section>
  );
}
