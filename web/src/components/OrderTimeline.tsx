import type { Order } from "../api/types";
import { formatTime, statusLabels } from "../lib/order-status";

// The order's history, oldest first: what the customer calls tracking.
export function OrderTimeline({ history }: { history: Order["history"] }) {
  return (
    <ol className="timeline">
      {history.map((change, index) => (
        <li key={`${change.status}-${index}`}>
          <strong>{statusLabels[change.status]}</strong> <time dateTime={change.at}>{formatTime(change.at)}</time>
          {change.note && <span className="timeline-note">{change.note}</span>}
        </li>
      ))}
    </ol>
  );
}
