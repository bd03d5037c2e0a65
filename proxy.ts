// Every page gets a Content-Security-Policy with a fresh nonce. Next.js reads the nonce from the
// request's copy of the header and puts it on its own scripts; the root layout reads `x-nonce`
// for the scripts it adds itself.
import { NextResponse, type NextRequest } from "next/server";

import { contentSecurityPolicy, newNonce, originOf } from "@/lib/security/csp";

export function proxy(request: NextRequest): NextResponse {
  const nonce = newNonce();
  // Read at run time: one build serves the emulator locally and Stripe everywhere else.
  const policy = contentSecurityPolicy({
    nonce,
    emulatorOrigin: originOf(process.env.STRIPE_API_BASE),
    dev: process.env.NODE_ENV === "development",
  });

  const requestHeaders = new Headers(request.headers);
  requestHeaders.set("x-nonce", nonce);
  requestHeaders.set("content-security-policy", policy);

  const response = NextResponse.next({ request: { headers: requestHeaders } });
  response.headers.set("content-security-policy", policy);

  return response;
}

export const config = {
  matcher: [
    {
      // Pages only: API answers are JSON, and scripts and built assets carry no markup.
      source: "/((?!api/|assets/|_next/static|_next/image|favicon\\.svg).*)",
      missing: [
        { type: "header", key: "next-router-prefetch" },
        { type: "header", key: "purpose", value: "prefetch" },
      ],
    },
  ],
};
