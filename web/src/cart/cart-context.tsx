import { createContext, useCallback, useContext, useEffect, useMemo, useRef, useState, type ReactNode } from "react";
import * as cartApi from "../api/cart";
import { ApiError } from "../api/http";
import type { Cart } from "../api/types";
import { useAuth } from "../auth/auth-context";

// The guest's cart token lives in localStorage: the cart survives reloads
// and new tabs, and is merged into the customer's cart at sign-in. A
// signed-in customer's cart is named by their access token instead.
const tokenKey = "shop.cart-token";

export function storedCartToken(): string | undefined {
  try {
    return localStorage.getItem(tokenKey) ?? undefined;
  } catch {
    return undefined; // storage refused (private mode): a cart per page load
  }
}

function storeToken(token: string | undefined): void {
  try {
    if (token) localStorage.setItem(tokenKey, token);
    else localStorage.removeItem(tokenKey);
  } catch {
    // as above: the cart lasts as long as the page
  }
}

export interface CartState {
  cart: Cart | undefined;
  failed: Error | undefined;
  add(productId: string, quantity: number): Promise<Cart>;
  setQuantity(productId: string, quantity: number): Promise<Cart>;
  remove(productId: string): Promise<Cart>;
  refresh(): Promise<void>;
  // After sign-in: the guest's lines join the customer's cart.
  mergeGuestCart(accessToken: string): Promise<Cart | undefined>;
}

const CartContext = createContext<CartState | undefined>(undefined);

// Answers can come back out of order: a guest's first add makes a token,
// which starts a read of the still empty cart while the add is on its way,
// and that read may answer last. A read that overlapped a change may not
// have seen it, so it is dropped (the change answers with the whole cart);
// of two changes at once, the answer with the higher version wins (the
// service's version of a cart only rises while the cart lives).
function newer(held: Cart | undefined, answer: Cart): Cart {
  return held && held.owner === answer.owner && held.version > answer.version ? held : answer;
}

export function CartProvider({ children }: { children: ReactNode }) {
  const { customer, ready } = useAuth();
  const signedIn = customer !== undefined;
  const [token, setToken] = useState(storedCartToken);
  const [cart, setCart] = useState<Cart>();
  const [failed, setFailed] = useState<Error>();
  const changes = useRef({ started: 0, running: 0 });

  const refresh = useCallback(async () => {
    if (!ready) return;
    if (!signedIn && !token) {
      setCart(undefined);
      return;
    }
    const { started, running } = changes.current;
    try {
      const answer = await cartApi.getCart(signedIn ? undefined : token);
      if (running > 0 || changes.current.started !== started) return;
      setCart(answer);
      setFailed(undefined);
    } catch (error) {
      if (!signedIn && error instanceof ApiError && error.status === 400) {
        storeToken(undefined); // a token the cart service does not accept: start again
        setToken(undefined);
        setCart(undefined);
        return;
      }
      setFailed(error as Error);
    }
  }, [ready, signedIn, token]);

  useEffect(() => {
    void refresh();
  }, [refresh, customer?.id]);

  const change = useCallback(async (run: () => Promise<Cart>) => {
    changes.current.started += 1;
    changes.current.running += 1;
    try {
      const answer = await run();
      setCart((held) => newer(held, answer));
      return answer;
    } finally {
      changes.current.running -= 1;
    }
  }, []);

  const guestToken = useCallback(async () => {
    if (signedIn) return undefined;
    if (token) return token;
    const made = (await cartApi.newCartToken()).cart_token;
    storeToken(made);
    setToken(made);
    return made;
  }, [signedIn, token]);

  const state = useMemo<CartState>(
    () => ({
      cart,
      failed,
      refresh,
      add: (productId, quantity) => change(async () => cartApi.addItem(await guestToken(), productId, quantity)),
      setQuantity: (productId, quantity) =>
        change(async () => cartApi.setQuantity(await guestToken(), productId, quantity)),
      remove: (productId) => change(async () => cartApi.removeItem(await guestToken(), productId)),
      async mergeGuestCart(accessToken) {
        const guest = storedCartToken();
        if (!guest) return undefined;
        const merged = await change(() => cartApi.mergeGuestCart(guest, accessToken));
        storeToken(undefined);
        setToken(undefined);
        return merged;
      },
    }),
    [cart, failed, refresh, guestToken, change],
  );
  return <CartContext.Provider value={state}>{children}</CartContext.Provider>;
}

export function useCart(): CartState {
  const state = useContext(CartContext);
  if (!state) throw new Error("useCart outside CartProvider");
  return state;
}
