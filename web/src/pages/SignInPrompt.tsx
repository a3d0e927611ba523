import { useLocation } from "react-router";
import { useAuth } from "../auth/auth-context";

export function SignInPrompt({ what }: { what: string }) {
  const { signIn } = useAuth();
  const location = useLocation();
  return (
    <section className="status-page">
      <h1>Sign in to {what}</h1>
      <button type="button" onClick={() => void signIn(location.pathname + location.search)}>
        Sign in
      </button>
    </section>
  );
}
