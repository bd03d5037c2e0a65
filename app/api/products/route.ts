import { NextResponse } from "next/server";

import { listProducts } from "@/lib/catalog/products";
import { getDb } from "@/lib/db/client";
import { route } from "@/lib/http/route";

export const GET = route(async () => NextResponse.json({ products: await listProducts(getDb()) }));
