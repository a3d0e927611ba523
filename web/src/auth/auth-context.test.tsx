import { act, render, screen } from "@testing-library/react";
import { ErrorResponse } from "oidc-client-ts";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { signIn } from "../test/sign-in";
import { AuthProvider, useAuth } from "./auth-context";
import { makeUserManager } from "./oidc";

function Who() {
  const { customer, ready } = useAuth();
  if (!ready) return <p>loading</p>;
  return <p>{customer ? `signed in as ${customer.email}` : "signed out"}</p>;
}

function renderSignedIn() {
  signIn();
  const manager = makeUserManager("http://shop.test");
  const signinSilent = vi.spyOn(manager, "signinSilent").mockResolvedValue(null);
  render(
    <AuthProvider manager={manager}>
      <Who />
    </AuthProvider>,
  );
  return { manager, signinSilent };
}

beforeEach(() => {
  localStorage.clear();
  vi.useFakeTimers({ shouldAdvanceTime: true });
});
afterEach(() => vi.useRealTimers());

describe("renewing the session", () => {
  it("tries again after a renewal that did not reach the auth service, and stays signed in", async () => {
    const { manager, signinSilent } = renderSignedIn();
    await screen.findByText("signed in as ada@example.com");
    await act(() => manager.events._raiseSilentRenewError(new TypeError("Failed to fetch")));
    await act(() => vi.advanceTimersByTimeAsync(5000));
    expect(signinSilent).toHaveBeenCalledTimes(1);
    expect(screen.getByText("signed in as ada@example.com")).toBeInTheDocument();
  });

  it("signs out when the auth service refuses the refresh token", async () => {
    const { manager, signinSilent } = renderSignedIn();
    await screen.findByText("signed in as ada@example.com");
    await act(() => manager.events._raiseSilentRenewError(new ErrorResponse({ error: "invalid_grant" })));
    expect(await screen.findByText("signed out")).toBeInTheDocument();
    await act(() => vi.advanceTimersByTimeAsync(5000));
    expect(signinSilent).not.toHaveBeenCalled();
  });
});
