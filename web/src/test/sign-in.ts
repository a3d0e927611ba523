import { User } from "oidc-client-ts";

// The storage oidc-client-ts reads a signed-in user back from.
export function signIn(roles: string[] = []) {
  const claims = btoa(JSON.stringify({ roles })).replace(/=+$/, "");
  const user = new User({
    access_token: `header.${claims}.signature`,
    token_type: "Bearer",
    profile: {
      sub: "customer-1",
      email: "ada@example.com",
      iss: "http://shop.test/api/auth",
      aud: "storefront",
      exp: 0,
      iat: 0,
    },
    expires_at: Math.floor(Date.now() / 1000) + 3600,
  });
  localStorage.setItem("oidc.user:http://shop.test/api/auth:storefront", user.toStorageString());
}
