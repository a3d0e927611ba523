import { Link } from "react-router";
import { listAllOrders } from "../../api/admin";
import { listProducts } from "../../api/catalog";
import type { Order, Product } from "../../api/types";
import { Price } from "../../components/Price";
import { Failure, Loading } from "../../components/Status";
import { dayFigures, lowStock, lowStockThreshold, startOfDay } from "../../lib/dashboard";
import { collectPages } from "../../lib/pages";
import { useLoad } from "../../lib/use-load";

const pagesAtMost = 10; // 500 orders or 1,000 products: a small shop's day and range

function ordersToday(signal: AbortSignal): Promise<Order[]> {
  const placedFrom = startOfDay(new Date()); // once: every page asks for the same day
  return collectPages((cursor) => listAllOrders({ placed_from: placedFrom, cursor }, signal), pagesAtMost);
}

function everyProduct(signal: AbortSignal): Promise<Product[]> {
  return collectPages((cursor) => listProducts({ limit: 100, cursor, sort: "title" }, signal), pagesAtMost);
}

export function DashboardPage() {
  const today = useLoad(ordersToday, []);
  const products = useLoad(everyProduct, []);
  return (
    <section>
      <h1>Dashboard</h1>
      <div className="tiles">
        {today.status === "loading" && <Loading what="today's orders" />}
        {today.status === "failed" && <Failure error={today.error} retry={today.retry} />}
        {today.status === "ready" &&
          (() => {
            const figures = dayFigures(today.data);
            return (
              <>
                <div className="tile">
                  <span className="tile-label">Orders today</span>
                  <strong data-testid="orders-today">{figures.orders}</strong>
                  <span>{figures.paid} paid</span>
                </div>
                <div className="tile">
                  <span className="tile-label">Revenue today</span>
                  <strong data-testid="revenue-today">
                    {figures.revenue.length === 0
                      ? "—"
                      : figures.revenue.map((money) => <Price key={money.currency} money={money} />)}
                  </strong>
                </div>
              </>
            );
          })()}
      </div>
      <h2>Low stock ({lowStockThreshold} or fewer to sell)</h2>
      {products.status === "loading" && <Loading what="stock" />}
      {products.status === "failed" && <Failure error={products.error} retry={products.retry} />}
      {products.status === "ready" &&
        (() => {
          const low = lowStock(products.data);
          if (low.length === 0) return <p>Every product has more than {lowStockThreshold} to sell.</p>;
          return (
            <table className="admin-table" aria-label="Low stock">
              <thead>
                <tr>
                  <th scope="col">Product</th>
                  <th scope="col">Available</th>
                </tr>
              </thead>
              <tbody>
                {low.map((product) => (
                  <tr key={product.id}>
                    <td>
                      <Link to={`/admin/products/${product.id}`}>{product.title}</Link>
                    </td>
                    <td>{product.stock.available}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          );
        })()}
    </section>
  );
}
