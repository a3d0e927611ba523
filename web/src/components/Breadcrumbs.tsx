import { Link } from "react-router";
import type { Category } from "../api/types";

// Home, then each category from the top down to the one shown.
export function Breadcrumbs({ trail }: { trail: Category[] }) {
  if (trail.length === 0) return null;
  return (
    <nav aria-label="Breadcrumb" className="breadcrumbs">
      <ol>
        <li>
          <Link to="/">Home</Link>
        </li>
        {trail.map((step) => (
          <li key={step.id}>
            <Link to={`/c/${step.path}`}>{step.name}</Link>
          </li>
        ))}
      </ol>
    </nav>
  );
}
