import { render } from "@testing-library/react";
import { RouterProvider, createMemoryRouter } from "react-router";
import { AuthProvider } from "../auth/auth-context";
import { makeUserManager } from "../auth/oidc";
import { CartProvider } from "../cart/cart-context";
import { CategoriesProvider } from "../catalog-context";
import { routes } from "../routes";

// The whole app at `path`, as main.tsx puts it together, in memory.
export function renderApp(path: string) {
  const router = createMemoryRouter(routes, { initialEntries: [path] });
  const view = render(
    <AuthProvider manager={makeUserManager("http://shop.test")}>
      <CategoriesProvider>
        <CartProvider>
          <RouterProvider router={router} />
        </CartProvider>
      </CategoriesProvider>
    </AuthProvider>,
  );
  return { ...view, router };
}
