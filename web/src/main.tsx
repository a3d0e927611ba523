import { StrictMode } from "react";
import { createRoot } from "react-dom/client";
import { RouterProvider, createBrowserRouter } from "react-router";
import { AuthProvider } from "./auth/auth-context";
import { makeUserManager } from "./auth/oidc";
import { CartProvider } from "./cart/cart-context";
import { CategoriesProvider } from "./catalog-context";
import { routes } from "./routes";
import "./styles.css";

const router = createBrowserRouter(routes);
const userManager = makeUserManager();

createRoot(document.getElementById("root")!).render(
  <StrictMode>
    <AuthProvider manager={userManager}>
      <CategoriesProvider>
        <CartProvider>
          <RouterProvider router={router} />
        </CartProvider>
      </CategoriesProvider>
    </AuthProvider>
  </StrictMode>,
);
