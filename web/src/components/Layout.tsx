import { Link, NavLink, Outlet, ScrollRestoration } from "react-router";
import { useAuth } from "../auth/auth-context";
import { useCart } from "../cart/cart-context";
import { useCategories } from "../catalog-context";
import { categoryTree } from "../lib/categories";
import { SearchBox } from "./SearchBox";

export function Layout() {
  const { cart } = useCart();
  const { customer, ready, signIn, signOut } = useAuth();
  const top = categoryTree(useCategories());
  const count = cart?.item_count ?? 0;
  return (
    <>
      <a className="skip-link" href="#main">
        Skip to content
      </a>
      <header className="site-header">
        <Link to="/" className="logo" aria-label="Shop home">
          <img src="/icon.svg" alt="" width={32} height={32} />
          <span>Shop</span>
        </Link>
        <SearchBox />
        <div className="account-links">
          {ready && !customer && (
            <button
              type="button"
              className="header-button"
              onClick={() => void signIn(window.location.pathname + window.location.search)}
            >
              Sign in
            </button>
          )}
          {customer && (
            <>
              {customer.roles.includes("admin") && <NavLink to="/admin">Admin</NavLink>}
              <NavLink to="/account" end>
                Account
              </NavLink>
              <button type="button" className="header-button" onClick={() => void signOut()} title={customer.email}>
                Sign out
              </button>
            </>
          )}
        </div>
        <NavLink to="/cart" className="cart-link">
          Cart{" "}
          <span className="cart-count" aria-label={count === 1 ? "1 item" : `${count} items`}>
            {count}
          </span>
        </NavLink>
      </header>
      <nav className="category-nav" aria-label="Categories">
        <ul>
          {top.map((category) => (
            <li key={category.id}>
              <NavLink to={`/c/${category.path}`}>{category.name}</NavLink>
            </li>
          ))}
        </ul>
      </nav>
      <main id="main" tabIndex={-1}>
        <Outlet />
      </main>
      <footer className="site-footer">
        <p>An open e-commerce platform of C++ microservices. Prices include VAT where it applies.</p>
      </footer>
      <ScrollRestoration />
    </>
  );
}
