import { UserManager, WebStorageStateStore } from "oidc-client-ts";

// The storefront is the auth service's public client `storefront`
// (apps/shop/main.cpp): authorization code with PKCE, refresh tokens
// (offline_access) for renewing without a page load.
export function makeUserManager(origin: string = window.location.origin): UserManager {
  return new UserManager({
    authority: `${origin}/api/auth`,
    client_id: "storefront",
    redirect_uri: `${origin}/callback`,
    post_logout_redirect_uri: `${origin}/`,
    response_type: "code",
    scope: "openid profile email offline_access",
    automaticSilentRenew: true,
    // Renewed this long before it expires, with the refresh token (no
    // iframe): tokens live 10 minutes by default, 1 at the shortest.
    accessTokenExpiringNotificationTimeInSeconds: 30,
    // Signed in across tabs and reloads; tokens are short-lived (10 min)
    // and the refresh token rotates on every use.
    userStore: new WebStorageStateStore({ store: window.localStorage }),
    loadUserInfo: false,
  });
}

// Where to come back to after signing in, carried through the redirect.
export interface SignInState {
  returnTo: string;
}

export function isSignInState(value: unknown): value is SignInState {
  return typeof value === "object" && value !== null && typeof (value as SignInState).returnTo === "string";
}

// Only paths of this app: a state naming another site is ignored.
export function safeReturnPath(state: unknown): string {
  if (!isSignInState(state)) return "/";
  const path = state.returnTo;
  return path.startsWith("/") && !path.startsWith("//") ? path : "/";
}
