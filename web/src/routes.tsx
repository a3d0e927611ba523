import type { RouteObject } from "react-router";
import { Layout } from "./components/Layout";
import { AccountPage } from "./pages/AccountPage";
import { CallbackPage } from "./pages/CallbackPage";
import { CartPage } from "./pages/CartPage";
import { CheckoutPage } from "./pages/CheckoutPage";
import { HomePage } from "./pages/HomePage";
import { ListingPage } from "./pages/ListingPage";
import { NotFoundPage, RouteErrorPage } from "./pages/NotFoundPage";
import { OrderPage } from "./pages/OrderPage";
import { OrdersPage } from "./pages/OrdersPage";
import { ProductPage } from "./pages/ProductPage";

const productEditor = async () => ({ Component: (await import("./pages/admin/ProductEditPage")).ProductEditPage });

export const routes: RouteObject[] = [
  {
    element: <Layout />,
    errorElement: <RouteErrorPage />,
    children: [
      { path: "/", element: <HomePage /> },
      { path: "/search", element: <ListingPage /> },
      { path: "/c/*", element: <ListingPage /> },
      { path: "/products/:slug", element: <ProductPage /> },
      { path: "/cart", element: <CartPage /> },
      { path: "/checkout", element: <CheckoutPage /> },
      { path: "/callback", element: <CallbackPage /> },
      { path: "/orders/:id", element: <OrderPage /> },
      { path: "/account", element: <AccountPage /> },
      { path: "/account/orders", element: <OrdersPage /> },
      {
        // The admin is loaded only by those who open it: shoppers' first
        // page does not carry it (the entry budget, ADR 20).
        path: "/admin",
        lazy: async () => ({ Component: (await import("./pages/admin/AdminLayout")).AdminLayout }),
        children: [
          {
            index: true,
            lazy: async () => ({ Component: (await import("./pages/admin/DashboardPage")).DashboardPage }),
          },
          {
            path: "products",
            lazy: async () => ({ Component: (await import("./pages/admin/ProductsPage")).ProductsPage }),
          },
          { path: "products/new", lazy: productEditor },
          { path: "products/:id", lazy: productEditor },
          {
            path: "orders",
            lazy: async () => ({ Component: (await import("./pages/admin/OrdersAdminPage")).OrdersAdminPage }),
          },
          {
            path: "orders/:id",
            lazy: async () => ({ Component: (await import("./pages/admin/OrderAdminPage")).OrderAdminPage }),
          },
        ],
      },
      { path: "*", element: <NotFoundPage /> },
    ],
  },
];
