// The Content-Security-Policy of the shop's pages: our own origin, the per-request nonce that
// Next.js puts on its inline scripts, and exactly the Stripe hosts Stripe.js needs.
// https://docs.stripe.com/security/guide#content-security-policy

export const STRIPE_SOURCES = {
  script: ["https://js.stripe.com"],
  frame: ["https://js.stripe.com", "https://hooks.stripe.com"],
  connect: ["https://api.stripe.com"],
} as const;

export interface CspOptions {
  /** Fresh for every request: base64, at least 128 bits of randomness. */
  nonce: string;
  /** Local mode only: the emulator's origin, which serves the Stripe.js stand-in and its API. */
  emulatorOrigin?: string | null;
  /** `next dev` rebuilds server error stacks in the browser with eval. */
  dev?: boolean;
}

export function contentSecurityPolicy({ nonce, emulatorOrigin, dev = false }: CspOptions): string {
  const emulator = emulatorOrigin ? [emulatorOrigin] : [];
  const directives: Record<string, string[]> = {
    "default-src": ["'self'"],
    "script-src": [
      "'self'",
      `'nonce-${nonce}'`,
      ...STRIPE_SOURCES.script,
      ...emulator,
      ...(dev ? ["'unsafe-eval'"] : []),
    ],
    // Style attributes (React's server HTML, next/image, Stripe.js's mount points) cannot carry
    // a nonce; styles cannot run code, so inline ones are allowed and only ours load from files.
    "style-src": ["'self'", "'unsafe-inline'"],
    "img-src": ["'self'", "data:", "blob:"],
    "font-src": ["'self'"],
    "connect-src": ["'self'", ...STRIPE_SOURCES.connect, ...emulator],
    "frame-src": [...STRIPE_SOURCES.frame],
    "object-src": ["'none'"],
    "base-uri": ["'self'"],
    "form-action": ["'self'"],
    "frame-ancestors": ["'none'"],
  };

  return Object.entries(directives)
    .map(([name, sources]) => `${name} ${sources.join(" ")}`)
    .join("; ");
}

/** The origin of an http(s) URL such as STRIPE_API_BASE, or null when it is unset or not one. */
export function originOf(url: string | undefined): string | null {
  if (!url) return null;

  try {
    const parsed = new URL(url);
    return parsed.protocol === "http:" || parsed.protocol === "https:" ? parsed.origin : null;
  } catch {
    return null;
  }
}

/** 128 random bits, base64: what CSP's nonce-source expects. */
export function newNonce(): string {
  return Buffer.from(crypto.getRandomValues(new Uint8Array(16))).toString("base64");
}
