import { authenticationError } from "./errors.js";
import type { ApiKey } from "./routes/route.js";

const SECRET = /^(sk|rk)_test_[A-Za-z0-9_]+$/;
const PUBLISHABLE = /^pk_test_[A-Za-z0-9_]+$/;

function redact(key: string): string {
  return key.length > 12 ? `${key.slice(0, 8)}${"*".repeat(key.length - 12)}${key.slice(-4)}` : key;
}

function fromHeader(header: string | undefined): string | undefined {
  if (!header) return undefined;

  const [scheme, value = ""] = header.split(" ", 2);
  if (scheme?.toLowerCase() === "bearer") return value.trim();
  if (scheme?.toLowerCase() === "basic") {
    // curl -u sk_test_…: sends "key:" in Basic auth.
    return Buffer.from(value, "base64").toString().split(":")[0];
  }
  return header.trim();
}

/**
 * Reads the API key like Stripe: Bearer or Basic auth, or — as Stripe.js sends it — a `key`
 * form field. Only test-mode keys exist here; anything else is answered 401.
 */
export function readApiKey(header: string | undefined, formKey: string | undefined): ApiKey {
  const value = fromHeader(header) ?? formKey;
  if (!value) {
    throw authenticationError(
      "You did not provide an API key. You need to provide your API key in the Authorization " +
        "header, using Bearer auth (e.g. 'Authorization: Bearer YOUR_SECRET_KEY').",
    );
  }
  if (SECRET.test(value)) return { value, kind: "secret" };
  if (PUBLISHABLE.test(value)) return { value, kind: "publishable" };
  throw authenticationError(`Invalid API Key provided: ${redact(value)}`);
}
