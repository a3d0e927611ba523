import { NavLink, Outlet } from "react-router";
import { useAuth } from "../../auth/auth-context";
import { Loading } from "../../components/Status";
import { SignInPrompt } from "../SignInPrompt";

export function AdminLayout() {
  const { customer, ready } = useAuth();
  if (!ready) return <Loading what="your account" />;
  if (!customer) return <SignInPrompt what="run the shop" />;
  if (!customer.roles.includes("admin")) {
    return (
      <section className="status-page" role="alert">
        <h1>Admins only</h1>
        <p>Your account ({customer.email}) cannot run the shop.</p>
      </section>
    );
  }
  return (
    <div className="admin">
      <nav className="admin-nav" aria-label="Admin">
        <NavLink to="/admin" end>
          Dashboard
        </NavLink>
        <NavLink to="/admin/products">Products</NavLink>
        <NavLink to="/admin/orders">Orders</NavLink>
      </nav>
      <Outlet />
    </div>
  );
}
