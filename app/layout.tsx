import type { Metadata, Viewport } from "next";
import { headers } from "next/headers";
import type { ReactNode } from "react";

import { SiteHeader } from "@/components/site-header";
import { TestModeBanner } from "@/components/test-mode-banner";
import { currentCart } from "@/lib/cart/current-cart";
import { clientSettings } from "@/lib/config/client-settings";

import "./globals.css";

export const dynamic = "force-dynamic";

export const metadata: Metadata = {
  title: { default: "Caffè Checkout", template: "%s · Caffè Checkout" },
  description: "A small coffee shop with a Stripe checkout.",
  icons: { icon: "/favicon.svg" },
};

export const viewport: Viewport = {
  width: "device-width",
  initialScale: 1,
  themeColor: "#8a4320",
};

export default async function RootLayout({ children }: { children: ReactNode }) {
  const cart = await currentCart();
  const itemCount = cart?.lines.reduce((sum, line) => sum + line.quantity, 0) ?? 0;
  const { STRIPE_JS_URL } = clientSettings();
  // The nonce of this response's Content-Security-Policy, made by proxy.ts.
  const nonce = (await headers()).get("x-nonce") ?? undefined;

  return (
    <html lang="en">
      <head>
        {/* Blocking on purpose: the payment code reads these settings as soon as it runs. */}
        {/* eslint-disable-next-line @next/next/no-sync-scripts */}
        <script src="/assets/env.js" nonce={nonce} />
      </head>
      <body>
        <a className="skip-link" href="#main">
          Skip to content
        </a>
        {/* Only the local emulator serves its own Stripe.js. */}
        <TestModeBanner visible={STRIPE_JS_URL !== null} />
        <SiteHeader itemCount={itemCount} />
        <main id="main" tabIndex={-1}>
          {children}
        </main>
      </body>
    </html>
  );
}
