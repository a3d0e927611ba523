import type { Money } from "../api/types";
import { formatMoney } from "../lib/money";

export function Price({ money, previous }: { money: Money; previous?: Money }) {
  return (
    <span className="price">
      {previous && previous.amount !== money.amount && (
        <s className="price-previous" aria-label={`was ${formatMoney(previous)}`}>
          {formatMoney(previous)}
        </s>
      )}
      {formatMoney(money)}
    </span>
  );
}
