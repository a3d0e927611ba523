import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from "react";
import * as cartApi from "../api/cart";
import { ApiError } from "../api/http";
import type { Cart } from "../api/types";

// The guest's cart token lives in localStorage: the cart survives reloads
// and new tabs, and is merged into the customer's cart at sign-in.
const tokenKey = "shop.cart-token";

function storedToken(): string | undefined {
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
}

const CartContext = createContext<CartState | undefined>(undefined);

export function CartProvider({ children }: { children: ReactNode }) {
  const [token, setToken] = useState(storedToken);
  const [cart, setCart] = useState<Cart>();
  const [failed, setFailed] = useState<Error>();

  const refresh = useCallback(async () => {
    if (!token) return;
    try {
      setCart(await cartApi.getCart(token));
      setFailed(undefined);
    } catch (error) {
      if (error instanceof ApiError && error.status === 400) {
        storeToken(undefined); // a token the cart service does not accept: start again
        setToken(undefined);
        setCart(undefined);
        return;
      }
      setFailed(error as Error);
    }
  }, [token]);

  useEffect(() => {
    void refresh();
  }, [refresh]);

  const ensureToken = useCallback(async () => {
    if (token) return token;
    const made = (await cartApi.newCartToken()).cart_token;
    storeToken(made);
    setToken(made);
    return made;
  }, [token]);

  const state = useMemo<CartState>(
    () => ({
      cart,
      failed,
      refresh,
      async add(productId, quantity) {
        const changed = await cartApi.addItem(await ensureToken(), productId, quantity);
        setCart(changed);
        return changed;
      },
      async setQuantity(productId, quantity) {
        const changed = await cartApi.setQuantity(await ensureToken(), productId, quantity);
        setCart(changed);
        return changed;
      },
      async remove(productId) {
        const changed = await cartApi.removeItem(await ensureToken(), productId);
        setCart(changed);
        return changed;
      },
    }),
    [cart, failed, refresh, ensureToken],
  );
  return <CartContext.Provider value={state}>{children}</CartContext.Provider>;
}

export function useCart(): CartState {
  const state = useContext(CartContext);
  if (!state) throw new Error("useCart outside CartProvider");
  return state;
}
