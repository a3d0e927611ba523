import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from "react";
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

export function CartProvider({ children }: { children: ReactNode }) {
  const { customer, ready } = useAuth();
  const signedIn = customer !== undefined;
  const [token, setToken] = useState(storedCartToken);
  const [cart, setCart] = useState<Cart>();
  const [failed, setFailed] = useState<Error>();

  const refresh = useCallback(async () => {
    if (!ready) return;
    if (!signedIn && !token) {
      setCart(undefined);
      return;
    }
    try {
      setCart(await cartApi.getCart(signedIn ? undefined : token));
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
      async add(productId, quantity) {
        const changed = await cartApi.addItem(await guestToken(), productId, quantity);
        setCart(changed);
        return changed;
      },
      async setQuantity(productId, quantity) {
        const changed = await cartApi.setQuantity(await guestToken(), productId, quantity);
        setCart(changed);
        return changed;
      },
      async remove(productId) {
        const changed = await cartApi.removeItem(await guestToken(), productId);
        setCart(changed);
        return changed;
      },
      async mergeGuestCart(accessToken) {
        const guest = storedCartToken();
        if (!guest) return undefined;
        const merged = await cartApi.mergeGuestCart(guest, accessToken);
        storeToken(undefined);
        setToken(undefined);
        setCart(merged);
        return merged;
      },
    }),
    [cart, failed, refresh, guestToken],
  );
  return <CartContext.Provider value={state}>{children}</CartContext.Provider>;
}

export function useCart(): CartState {
  const state = useContext(CartContext);
  if (!state) throw new Error("useCart outside CartProvider");
  return state;
}
