import { Link, useLocation, useParams } from "react-router";
import { ApiError } from "../api/http";
import { getOrder } from "../api/orders";
import { useAuth } from "../auth/auth-context";
import { OrderTimeline } from "../components/OrderTimeline";
import { Price } from "../components/Price";
import { Failure, Loading } from "../components/Status";
import { countryName } from "../lib/checkout-form";
import { deliveryDays, statusLabels } from "../lib/order-status";
import { useLoad } from "../lib/use-load";
import { NotFoundPage } from "./NotFoundPage";
import { SignInPrompt } from "./SignInPrompt";

export function OrderPage() {
  const id = useParams().id ?? "";
  const placed = (useLocation().state as { placed?: boolean } | null)?.placed === true;
  const { customer, ready } = useAuth();
  const loaded = useLoad(
    (signal) => (customer ? getOrder(id, signal) : Promise.resolve(undefined)),
    [id, customer?.id],
  );
  if (!ready) return <Loading what="your account" />;
  if (!customer) return <SignInPrompt what="see this order" />;
  if (loaded.status === "loading" || (loaded.status === "ready" && !loaded.data)) return <Loading what="the order" />;
  if (loaded.status === "failed") {
    if (loaded.error instanceof ApiError && loaded.error.status === 404) return <NotFoundPage />;
    return <Failure error={loaded.error} retry={loaded.retry} />;
  }
  const order = loaded.data!;
  const address = order.shipping.address;
  return (
    <article className="order-page">
      {placed && order.status === "paid" && (
        <p className="confirmation" role="status">
          Thank you! Your order is paid and on its way to the warehouse.
        </p>
      )}
      <h1>Order {order.id.slice(-8).toUpperCase()}</h1>
      <p>
        Status: <strong className={`order-status order-status-${order.status}`}>{statusLabels[order.status]}</strong>
        {order.cancel_reason && <> ({order.cancel_reason})</>}
      </p>
      {order.shipping.tracking_number && (
        <p className="tracking">
          Shipped with {order.shipping.carrier}, tracking number <strong>{order.shipping.tracking_number}</strong>
        </p>
      )}
      <section aria-labelledby="timeline-heading">
        <h2 id="timeline-heading">Tracking</h2>
        <OrderTimeline history={order.history} />
      </section>
      <section aria-labelledby="items-heading">
        <h2 id="items-heading">Items</h2>
        <ul className="order-lines">
          {order.lines.map((line) => (
            <li key={line.product_id}>
              <span>
                {line.quantity} × {line.title}
              </span>
              <Price money={line.total} />
            </li>
          ))}
        </ul>
        <dl className="order-totals">
          <dt>Shipping</dt>
          <dd>
            <Price money={order.totals.shipping} />
          </dd>
          {order.totals.discount.amount > 0 && (
            <>
              <dt>Discount</dt>
              <dd>
                −<Price money={order.totals.discount} />
              </dd>
            </>
          )}
          <dt>
            {order.tax_name || "Tax"} {order.prices_include_tax ? "(included)" : ""}
          </dt>
          <dd>
            <Price money={order.totals.tax} />
          </dd>
          <dt className="total">Total</dt>
          <dd className="total">
            <Price money={order.totals.total} />
          </dd>
        </dl>
      </section>
      <section aria-labelledby="delivery-heading">
        <h2 id="delivery-heading">Delivery</h2>
        <address>
          {address.recipient}
          <br />
          {address.line1}
          {address.line2 && (
            <>
              <br />
              {address.line2}
            </>
          )}
          <br />
          {address.postal_code} {address.city} {address.region}
          <br />
          {countryName(address.country)}
        </address>
        <p>
          {order.shipping.speed === "express" ? "Express" : "Standard"} delivery in{" "}
          {deliveryDays(order.shipping.estimate)}
        </p>
      </section>
      <Link to="/account/orders">All your orders</Link>
    </article>
  );
}
