import { useState, type FormEvent } from "react";
import { Link, useParams } from "react-router";
import { cancelOrder, deliverOrder, paymentsOfOrder, refundOrder, shipOrder } from "../../api/admin";
import { getOrder } from "../../api/orders";
import type { Money, Order } from "../../api/types";
import { OrderTimeline } from "../../components/OrderTimeline";
import { Price } from "../../components/Price";
import { Failure, Loading, describe } from "../../components/Status";
import { fractionDigits, parseMajorUnits } from "../../lib/money";
import { formatTime, statusLabels } from "../../lib/order-status";
import { useLoad } from "../../lib/use-load";

function Actions({ order, changed }: { order: Order; changed: (order: Order) => void }) {
  const [carrier, setCarrier] = useState("DHL");
  const [tracking, setTracking] = useState("");
  const [refund, setRefund] = useState("");
  const [reason, setReason] = useState("");
  const [state, setState] = useState<"idle" | "working" | Error | string>("idle");
  // A refund keeps its key until it is answered: a retry cannot refund twice.
  const [refundKey, setRefundKey] = useState(() => crypto.randomUUID());

  async function run(action: () => Promise<Order>) {
    setState("working");
    try {
      changed(await action());
      setState("idle");
    } catch (error) {
      setState(error as Error);
    }
  }
  function ship(event: FormEvent) {
    event.preventDefault();
    if (!carrier.trim() || !tracking.trim()) {
      setState("Enter the carrier and the tracking number.");
      return;
    }
    void run(() => shipOrder(order.id, carrier.trim(), tracking.trim()));
  }
  function refundIt(event: FormEvent) {
    event.preventDefault();
    let amount: Money | undefined;
    if (refund.trim()) {
      const minor = parseMajorUnits(refund, fractionDigits(order.currency));
      if (minor === null || minor === 0) {
        setState("Enter the amount to refund, or leave it empty to refund what is left.");
        return;
      }
      amount = { amount: minor, currency: order.currency };
    }
    void run(async () => {
      const refunded = await refundOrder(order.id, amount, reason.trim(), refundKey);
      setRefundKey(crypto.randomUUID());
      setRefund("");
      return refunded;
    });
  }
  const busy = state === "working";
  const problem =
    state instanceof Error ? describe(state) : state !== "idle" && state !== "working" ? state : undefined;
  return (
    <div className="order-actions">
      {order.status === "paid" && (
        <form onSubmit={ship} aria-label="Ship" noValidate>
          <h2>Ship</h2>
          <div className="field-row">
            <div className="field">
              <label htmlFor="carrier">Carrier</label>
              <input id="carrier" value={carrier} maxLength={50} onChange={(e) => setCarrier(e.target.value)} />
            </div>
            <div className="field">
              <label htmlFor="tracking">Tracking number</label>
              <input id="tracking" value={tracking} maxLength={64} onChange={(e) => setTracking(e.target.value)} />
            </div>
          </div>
          <button type="submit" disabled={busy}>
            Ship and capture the payment
          </button>
        </form>
      )}
      {order.status === "shipped" && (
        <button type="button" disabled={busy} onClick={() => void run(() => deliverOrder(order.id))}>
          Mark delivered
        </button>
      )}
      {["shipped", "delivered", "partially_refunded"].includes(order.status) && (
        <form onSubmit={refundIt} aria-label="Refund" noValidate>
          <h2>Refund</h2>
          <div className="field-row">
            <div className="field">
              <label htmlFor="refund-amount">Amount ({order.currency}; empty: all that is left)</label>
              <input
                id="refund-amount"
                inputMode="decimal"
                value={refund}
                onChange={(e) => setRefund(e.target.value)}
              />
            </div>
            <div className="field">
              <label htmlFor="refund-reason">Reason</label>
              <input id="refund-reason" maxLength={200} value={reason} onChange={(e) => setReason(e.target.value)} />
            </div>
          </div>
          <button type="submit" disabled={busy}>
            Refund
          </button>
        </form>
      )}
      {["pending", "awaiting_payment", "paid"].includes(order.status) && (
        <button
          type="button"
          className="secondary"
          disabled={busy}
          onClick={() => void run(() => cancelOrder(order.id, "cancelled by the shop"))}
        >
          Cancel the order
        </button>
      )}
      {problem && (
        <p role="alert" className="status-failed">
          {problem}
        </p>
      )}
    </div>
  );
}

// What the payment service holds for the order: the money, as it moved.
function Payments({ order }: { order: Order }) {
  const payments = useLoad((signal) => paymentsOfOrder(order.id, signal), [order.id, order.status, order.updated_at]);
  if (payments.status === "loading") return <Loading what="payments" />;
  if (payments.status === "failed") return <Failure error={payments.error} retry={payments.retry} />;
  if (payments.data.items.length === 0) return <p>No payment was made for this order.</p>;
  return (
    <div className="table-scroll">
      <table className="admin-table" aria-label="Payments">
        <thead>
          <tr>
            <th scope="col">Card</th>
            <th scope="col">Status</th>
            <th scope="col">Amount</th>
            <th scope="col">Captured</th>
            <th scope="col">Refunded</th>
          </tr>
        </thead>
        <tbody>
          {payments.data.items.map((payment) => (
            <tr key={payment.id}>
              <td>
                {payment.card.brand.toUpperCase()} {payment.card.last4}
              </td>
              <td>
                {payment.status}
                {payment.decline_code ? ` (${payment.decline_code})` : ""}
              </td>
              <td>
                <Price money={payment.amount} />
              </td>
              <td>
                <Price money={payment.captured} />
              </td>
              <td>
                <Price money={payment.refunded} />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

export function OrderAdminPage() {
  const id = useParams().id ?? "";
  const loaded = useLoad((signal) => getOrder(id, signal), [id]);
  const [changed, setChanged] = useState<Order>();
  if (loaded.status === "loading") return <Loading what="the order" />;
  if (loaded.status === "failed") return <Failure error={loaded.error} retry={loaded.retry} />;
  const order = changed?.id === id ? changed : loaded.data;
  return (
    <section className="order-admin">
      <p>
        <Link to="/admin/orders">All orders</Link>
      </p>
      <h1>Order {order.id.slice(-8).toUpperCase()}</h1>
      <p>
        {order.email} · placed {formatTime(order.placed_at)} ·{" "}
        <strong className={`order-status order-status-${order.status}`}>{statusLabels[order.status]}</strong> · total{" "}
        <Price money={order.totals.total} />
        {order.totals.refunded && order.totals.refunded.amount > 0 && (
          <>
            {" "}
            · refunded <Price money={order.totals.refunded} />
          </>
        )}
      </p>
      <ul className="order-lines">
        {order.lines.map((line) => (
          <li key={line.product_id}>
            <span>
              {line.quantity} × {line.title} ({line.sku})
            </span>
            <Price money={line.total} />
          </li>
        ))}
      </ul>
      <Actions order={order} changed={setChanged} />
      <h2>History</h2>
      <OrderTimeline history={order.history} />
      <h2>Payments</h2>
      <Payments order={order} />
    </section>
  );
}
