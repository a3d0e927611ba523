import type { RouteObject } from "react-router";
import { Layout } from "./components/Layout";
import { CallbackPage } from "./pages/CallbackPage";
import { CartPage } from "./pages/CartPage";
import { CheckoutPage } from "./pages/CheckoutPage";
import { HomePage } from "./pages/HomePage";
import { ListingPage } from "./pages/ListingPage";
import { NotFoundPage, RouteErrorPage } from "./pages/NotFoundPage";
import { OrderPage } from "./pages/OrderPage";
import { OrdersPage } from "./pages/OrdersPage";
import { ProductPage } from "./pages/ProductPage";

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
      { path: "/account/orders", element: <OrdersPage /> },
      { path: "*", element: <NotFoundPage /> },
    ],
  },
];
