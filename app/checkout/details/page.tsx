import type { Metadata } from "next";
import { redirect } from "next/navigation";

import { DetailsForm } from "@/components/details-form";
import { OrderSummary } from "@/components/order-summary";
import { DEFAULT_COUNTRY, shippingCountries } from "@/components/shipping-countries";
import { StepIndicator } from "@/components/step-indicator";
import { currentCart } from "@/lib/cart/current-cart";

export const dynamic = "force-dynamic";

export const metadata: Metadata = { title: "Your details" };

export default async function DetailsPage() {
  const cart = await currentCart();
  if (!cart || cart.lines.length === 0) redirect("/cart");

  return (
    <div className="page">
      <StepIndicator current="details" />
      <h1>Your details</h1>
      <div className="checkout-layout">
        <DetailsForm
          cartId={cart.id}
          saved={cart.details}
          countries={shippingCountries(cart.details?.address.country)}
          defaultCountry={DEFAULT_COUNTRY}
        />
        <aside className="checkout-aside">
          <OrderSummary cart={cart} />
        </aside>
      </div>
    </div>
  );
}
