import { Link, useSearchParams } from "react-router";
import { listAllOrders } from "../../api/admin";
import type { OrderStatus } from "../../api/types";
import { Price } from "../../components/Price";
import { Failure, Loading } from "../../components/Status";
import { formatTime, statusLabels } from "../../lib/order-status";
import { useLoad } from "../../lib/use-load";

const statuses = Object.keys(statusLabels) as OrderStatus[];

export function OrdersAdminPage() {
  const [params, setParams] = useSearchParams();
  const status = statuses.find((each) => each === params.get("status"));
  const from = params.get("from") ?? ""; // a date, yyyy-mm-dd, local
  const orders = useLoad(
    (signal) =>
      listAllOrders({ status, placed_from: from ? new Date(`${from}T00:00:00`).toISOString() : undefined }, signal),
    [status, from],
    { keepPrevious: true },
  );
  const filter = (name: string, value: string) => {
    const next = new URLSearchParams(params);
    if (value) next.set(name, value);
    else next.delete(name);
    setParams(next);
  };
  return (
    <section>
      <h1>Orders</h1>
      <div className="field-row admin-filters">
        <div className="field">
          <label htmlFor="order-status">Status</label>
          <select id="order-status" value={status ?? ""} onChange={(e) => filter("status", e.target.value)}>
            <option value="">Any</option>
            {statuses.map((each) => (
              <option key={each} value={each}>
                {statusLabels[each]}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor="order-from">Placed since</label>
          <input id="order-from" type="date" value={from} onChange={(e) => filter("from", e.target.value)} />
        </div>
      </div>
      {orders.status === "loading" && <Loading what="orders" />}
      {orders.status === "failed" && <Failure error={orders.error} retry={orders.retry} />}
      {orders.status === "ready" && (
        <div className="table-scroll">
          <table className="admin-table" aria-label="Orders" aria-busy={orders.refreshing ?? false}>
            <thead>
              <tr>
                <th scope="col">Order</th>
                <th scope="col">Placed</th>
                <th scope="col">Customer</th>
                <th scope="col">Status</th>
                <th scope="col">Total</th>
              </tr>
            </thead>
            <tbody>
              {orders.data.items.map((order) => (
                <tr key={order.id}>
                  <td>
                    <Link to={`/admin/orders/${order.id}`}>{order.id.slice(-8).toUpperCase()}</Link>
                  </td>
                  <td>{formatTime(order.placed_at)}</td>
                  <td>{order.email}</td>
                  <td className={`order-status order-status-${order.status}`}>{statusLabels[order.status]}</td>
                  <td>
                    <Price money={order.totals.total} />
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
          {orders.data.items.length === 0 && <p>No orders match.</p>}
        </div>
      )}
    </section>
  );
}
