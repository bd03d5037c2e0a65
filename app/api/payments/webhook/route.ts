import { NextResponse } from "next/server";

import { getDb } from "@/lib/db/client";
import { route } from "@/lib/http/route";
import { receiveWebhook } from "@/lib/webhooks/receive-webhook";

export const POST = route(async (request) => {
  const result = await receiveWebhook(getDb(), request);

  return NextResponse.json({ received: true, result });
});
