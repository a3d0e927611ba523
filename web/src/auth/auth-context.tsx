import { ErrorResponse, type User, type UserManager } from "oidc-client-ts";
import { createContext, useContext, useEffect, useMemo, useState, type ReactNode } from "react";
import { setAccessTokenSource } from "../api/http";
import type { SignInState } from "./oidc";

// Renewing starts 30 s before the token expires (oidc.ts): a retry 5 s
// after a failure that did not reach the auth service still has time.
const renewRetryDelayMs = 5000;

export interface Customer {
  id: string; // the token's subject, which every service knows the customer by
  email: string;
  name: string;
  roles: string[];
}

export interface AuthState {
  customer: Customer | undefined;
  ready: boolean; // the stored session has been read
  signIn(returnTo: string, create?: boolean): Promise<void>;
  signOut(): Promise<void>;
  manager: UserManager;
}

const AuthContext = createContext<AuthState | undefined>(undefined);

function rolesOf(user: User): string[] {
  // Roles are in the access token (RFC 9068 + the auth service's `roles`);
  // the page reads them only to show admin links, the services decide.
  try {
    const payload = user.access_token.split(".")[1] ?? "";
    const claims = JSON.parse(atob(payload.replace(/-/g, "+").replace(/_/g, "/"))) as { roles?: unknown };
    return Array.isArray(claims.roles) ? claims.roles.filter((role): role is string => typeof role === "string") : [];
  } catch {
    return [];
  }
}

export function customerOf(user: User | null | undefined): Customer | undefined {
  if (!user || user.expired) return undefined;
  return {
    id: user.profile.sub,
    email: user.profile.email ?? "",
    name: user.profile.name ?? user.profile.email ?? "",
    roles: rolesOf(user),
  };
}

export function AuthProvider({ manager, children }: { manager: UserManager; children: ReactNode }) {
  const [user, setUser] = useState<User | null>(null);
  const [ready, setReady] = useState(false);

  useEffect(() => {
    let live = true;
    const loaded = (next: User | null) => {
      if (live) setUser(next);
    };
    const unloaded = () => loaded(null);
    manager.events.addUserLoaded(loaded);
    manager.events.addUserUnloaded(unloaded);
    manager.events.addUserSignedOut(unloaded);
    // A refresh the auth service refused (the session ended elsewhere, the
    // account is gone): signed out here too. One that did not get through
    // (a network blip) is tried again while the token is still good.
    let retry: ReturnType<typeof setTimeout> | undefined;
    const renewFailed = (error: Error) => {
      if (error instanceof ErrorResponse) {
        void manager.removeUser();
        return;
      }
      clearTimeout(retry);
      retry = setTimeout(() => {
        manager.signinSilent().catch((again: unknown) => {
          if (again instanceof ErrorResponse) void manager.removeUser();
        });
      }, renewRetryDelayMs);
    };
    manager.events.addSilentRenewError(renewFailed);
    manager.getUser().then(
      (stored) => {
        loaded(stored && !stored.expired ? stored : null);
        if (live) setReady(true);
      },
      () => live && setReady(true),
    );
    return () => {
      live = false;
      manager.events.removeUserLoaded(loaded);
      manager.events.removeUserUnloaded(unloaded);
      manager.events.removeUserSignedOut(unloaded);
      manager.events.removeSilentRenewError(renewFailed);
      clearTimeout(retry);
    };
  }, [manager]);

  // Set while rendering, not in an effect: the providers and pages below
  // load in their own effects, which React runs before this component's.
  setAccessTokenSource(() => (user && !user.expired ? user.access_token : undefined));

  const state = useMemo<AuthState>(
    () => ({
      customer: customerOf(user),
      ready,
      manager,
      async signIn(returnTo, create = false) {
        const state: SignInState = { returnTo };
        await manager.signinRedirect({ state, prompt: create ? "create" : undefined });
      },
      async signOut() {
        await manager.signoutRedirect({ id_token_hint: user?.id_token });
      },
    }),
    [user, ready, manager],
  );
  return <AuthContext.Provider value={state}>{children}</AuthContext.Provider>;
}

export function useAuth(): AuthState {
  const state = useContext(AuthContext);
  if (!state) throw new Error("useAuth outside AuthProvider");
  return state;
}
