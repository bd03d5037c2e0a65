import { NextResponse } from "next/server";

import { USER_COOKIE } from "@/lib/cart/cookies";
import { getDb } from "@/lib/db/client";
import { notFound } from "@/lib/http/api-error";
import { route } from "@/lib/http/route";
import { findShopperOrder } from "@/lib/orders/order-view";

export const GET = route<{ orderId: string }>(async (request, { orderId }) => {
  const order = await findShopperOrder(getDb(), orderId, request.cookies.get(USER_COOKIE)?.value);
  if (!order) throw notFound("order");

  return NextResponse.json(order);
});
