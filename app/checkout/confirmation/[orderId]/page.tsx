import type { Metadata } from "next";
import { cookies } from "next/headers";
import { notFound } from "next/navigation";

import { OrderFollower } from "@/components/order-follower";
import { OrderSummary } from "@/components/order-summary";
import { ShippingDetails } from "@/components/shipping-details";
import { StepIndicator } from "@/components/step-indicator";
import { USER_COOKIE } from "@/lib/cart/cookies";
import { detailsSchema, type Details } from "@/lib/cart/details";
import { listProducts } from "@/lib/catalog/products";
import { getDb } from "@/lib/db/client";
import { findShopperOrder, type OrderView } from "@/lib/orders/order-view";

export const dynamic = "force-dynamic";

export const metadata: Metadata = { title: "Order confirmation" };

interface Props {
  params: Promise<{ orderId: string }>;
}

export default async function ConfirmationPage({ params }: Props) {
  const { orderId } = await params;
  const userId = (await cookies()).get(USER_COOKIE)?.value;
  // Only the shopper who paid finds the order; anyone else gets the same 404 as a wrong id.
  const order = await findShopperOrder(getDb(), orderId, userId);
  if (!order) notFound();

  const pictures = new Map(
    (await listProducts(getDb())).map((product) => [product.id, product.imagePath]),
  );
  const lines = order.lines.map((line) => ({ ...line, imagePath: pictures.get(line.productId) }));
  const shipping = shippingOf(order);

  return (
    <div className="page">
      <StepIndicator current="confirmation" />
      <div className="checkout-layout">
        <div className="checkout-main">
          <OrderFollower order={order} />
          {shipping && <ShippingDetails details={shipping} showEmail={false} />}
        </div>
        <aside className="checkout-aside">
          <OrderSummary cart={{ lines, total: order.total }} title="Your order" />
        </aside>
      </div>
    </div>
  );
}

/** The order's shipping as the Details step took it, or null for an order recorded without. */
function shippingOf(order: OrderView): Details | null {
  const shipping = order.shipping as { address?: Record<string, unknown> } | null;
  const address = { ...shipping?.address, line2: shipping?.address?.line2 ?? undefined };
  const parsed = detailsSchema.safeParse({ ...shipping, address, email: order.email });

  return parsed.success ? parsed.data : null;
}
