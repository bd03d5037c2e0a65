import type { Metadata } from "next";
import { redirect } from "next/navigation";

import { OrderSummary } from "@/components/order-summary";
import { PaymentStep } from "@/components/payment-step";
import { ShippingDetails } from "@/components/shipping-details";
import { StepIndicator } from "@/components/step-indicator";
import { currentCart } from "@/lib/cart/current-cart";

export const dynamic = "force-dynamic";

export const metadata: Metadata = { title: "Payment" };

interface Props {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}

export default async function PaymentPage({ searchParams }: Props) {
  const cart = await currentCart();
  if (!cart || cart.lines.length === 0) redirect("/cart");
  if (!cart.details) redirect("/checkout/details");
  const { payment } = await searchParams;

  return (
    <div className="page">
      <StepIndicator current="payment" />
      <h1>Payment</h1>
      <div className="checkout-layout">
        <div className="checkout-main">
          <ShippingDetails details={cart.details} editHref="/checkout/details" />
          <section className="surface panel" aria-labelledby="payment-title">
            <h2 id="payment-title" className="panel-title">
              Pay by card
            </h2>
            <PaymentStep
              cartId={cart.id}
              cartVersion={cart.version}
              total={cart.total}
              returnedUnpaid={payment === "unpaid"}
            />
          </section>
        </div>
        <aside className="checkout-aside">
          <OrderSummary cart={cart} />
        </aside>
      </div>
    </div>
  );
}
