import { NextResponse } from "next/server";

import { accessibleCartId } from "@/lib/cart/cart-access";
import { saveDetails } from "@/lib/cart/cart-service";
import { detailsSchema } from "@/lib/cart/details";
import { getDb } from "@/lib/db/client";
import { readJson } from "@/lib/http/read-json";
import { route } from "@/lib/http/route";

export const PUT = route<{ cartId: string }>(async (request, params) => {
  const cartId = await accessibleCartId(getDb(), request, params.cartId);
  const details = await readJson(request, detailsSchema);

  return NextResponse.json(await saveDetails(getDb(), cartId, details));
});
