import type { RouteObject } from "react-router";
import { Layout } from "./components/Layout";
import { CartPage } from "./pages/CartPage";
import { HomePage } from "./pages/HomePage";
import { ListingPage } from "./pages/ListingPage";
import { NotFoundPage, RouteErrorPage } from "./pages/NotFoundPage";
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
      { path: "*", element: <NotFoundPage /> },
    ],
  },
];
