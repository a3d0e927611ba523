import type { User } from "oidc-client-ts";
import { useEffect, useState } from "react";
import { Link, useNavigate } from "react-router";
import { useAuth } from "../auth/auth-context";
import { safeReturnPath } from "../auth/oidc";
import { useCart } from "../cart/cart-context";
import { Loading } from "../components/Status";

// A code is good for one exchange, and a guest cart is merged once: the
// callback is handled once per URL even when React mounts the page twice
// (StrictMode) or it re-renders (each cart change makes a new merge
// function, which runs the effect again).
const exchanges = new Map<string, Promise<User>>();

export function CallbackPage() {
  const { manager } = useAuth();
  const { mergeGuestCart } = useCart();
  const navigate = useNavigate();
  const [failure, setFailure] = useState<string>();

  useEffect(() => {
    const url = window.location.href;
    let exchange = exchanges.get(url);
    if (!exchange) {
      // The cart is merged before going on, so the next page shows it
      // whole; if merging fails, the guest cart stays for the next try.
      exchange = manager.signinRedirectCallback(url).then(async (user) => {
        await mergeGuestCart(user.access_token).catch(() => undefined);
        return user;
      });
      exchanges.set(url, exchange);
    }
    let live = true;
    exchange
      .then((user) => {
        if (live) navigate(safeReturnPath(user.state), { replace: true });
      })
      .catch((error: unknown) => {
        if (live) setFailure(error instanceof Error ? error.message : String(error));
      });
    return () => {
      live = false;
    };
  }, [manager, mergeGuestCart, navigate]);

  if (failure) {
    return (
      <section className="status-page" role="alert">
        <h1>Signing in did not work</h1>
        <p>{failure}</p>
        <Link to="/">Back to the shop</Link>
      </section>
    );
  }
  return <Loading what="your account" />;
}
