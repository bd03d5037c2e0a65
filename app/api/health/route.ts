import { NextResponse } from "next/server";

import { getDb } from "@/lib/db/client";
import { checkHealth } from "@/lib/health/health";
import { route } from "@/lib/http/route";

export const GET = route(async () => {
  const report = await checkHealth(getDb());

  return NextResponse.json(report, { status: report.status === "ok" ? 200 : 503 });
});
