import { StrictMode } from "react";
import { createRoot } from "react-dom/client";
import { RouterProvider, createBrowserRouter } from "react-router";
import { CartProvider } from "./cart/cart-context";
import { CategoriesProvider } from "./catalog-context";
import { routes } from "./routes";
import "./styles.css";

const router = createBrowserRouter(routes);

createRoot(document.getElementById("root")!).render(
  <StrictMode>
    <CategoriesProvider>
      <CartProvider>
        <RouterProvider router={router} />
      </CartProvider>
    </CategoriesProvider>
  </StrictMode>,
);
