import type { Metadata, Viewport } from "next";
import type { ReactNode } from "react";

import { SiteHeader } from "@/components/site-header";
import { TestModeBanner } from "@/components/test-mode-banner";
import { currentCart } from "@/lib/cart/current-cart";

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

  return (
    <html lang="en">
      <body>
        <a className="skip-link" href="#main">
          Skip to content
        </a>
        {/* The test-mode banner is switched on from the runtime settings. */}
        <TestModeBanner visible={false} />
        <SiteHeader itemCount={itemCount} />
        <main id="main" tabIndex={-1}>
          {children}
        </main>
      </body>
    </html>
  );
}
