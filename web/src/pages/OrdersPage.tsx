import { Link } from "react-router";
import { listOrders } from "../api/orders";
import { useAuth } from "../auth/auth-context";
import { Price } from "../components/Price";
import { Failure, Loading } from "../components/Status";
import { formatTime, statusLabels } from "../lib/order-status";
import { useLoad } from "../lib/use-load";
import { SignInPrompt } from "./SignInPrompt";

export function OrdersPage() {
  const { customer, ready } = useAuth();
  const orders = useLoad(
    (signal) => (customer ? listOrders(undefined, signal) : Promise.resolve(undefined)),
    [customer?.id],
  );
  if (!ready) return <Loading what="your account" />;
  if (!customer) return <SignInPrompt what="see your orders" />;
  if (orders.status === "loading" || (orders.status === "ready" && !orders.data)) return <Loading what="your orders" />;
  if (orders.status === "failed") return <Failure error={orders.error} retry={orders.retry} />;
  const items = orders.data!.items;
  return (
    <section className="orders-page">
      <h1>Your orders</h1>
      {items.length === 0 ? (
        <p>
          No orders yet. <Link to="/">Start shopping</Link>
        </p>
      ) : (
        <ul className="orders-list">
          {items.map((order) => (
            <li key={order.id}>
              <Link to={`/orders/${order.id}`}>Order {order.id.slice(-8).toUpperCase()}</Link>
              <time dateTime={order.placed_at}>{formatTime(order.placed_at)}</time>
              <span className={`order-status order-status-${order.status}`}>{statusLabels[order.status]}</span>
              <Price money={order.totals.total} />
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
