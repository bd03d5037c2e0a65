import { describe, expect, it } from "vitest";

import * as cartRoute from "@/app/api/cart/route";
import * as cartByIdRoute from "@/app/api/cart/[cartId]/route";
import * as detailsRoute from "@/app/api/cart/[cartId]/details/route";
import * as linesRoute from "@/app/api/cart/[cartId]/lines/route";
import * as lineRoute from "@/app/api/cart/[cartId]/lines/[productId]/route";
import * as productsRoute from "@/app/api/products/route";

import { callRoute } from "../helpers/call-route";
import { useTestDatabase } from "../helpers/test-database";

const db = useTestDatabase();

const validDetails = {
  email: "ada@example.com",
  name: "Ada Lovelace",
  address: { line1: "Via Roma 1", city: "Torino", postalCode: "10121", country: "it" },
};

async function newCart() {
  const { body } = await callRoute(cartRoute.POST, { method: "POST" });
  return body as { id: string; version: number };
}

async function addLine(cartId: string, productId: string, quantity: number) {
  return callRoute(linesRoute.POST, {
    method: "POST",
    params: { cartId },
    body: { productId, quantity },
  });
}

async function cartRows(cartId: string) {
  return db.query('SELECT version FROM "Cart" WHERE id = $1', [cartId]);
}

describe("GET /api/products", () => {
  it("lists the seeded catalog with integer minor-unit prices", async () => {
    const { status, body } = await callRoute(productsRoute.GET);

    expect(status).toBe(200);
    expect(body.products).toHaveLength(8);
    expect(body.products[0]).toMatchObject({
      id: "espresso-cup",
      price: { amount: 1200, currency: "eur" },
      imagePath: "/products/espresso-cup.svg",
    });
  });
});

describe("POST /api/cart", () => {
  it("creates an empty cart with an unguessable id and httpOnly Lax cookies", async () => {
    const { status, body, headers } = await callRoute(cartRoute.POST, { method: "POST" });

    expect(status).toBe(201);
    expect(body).toMatchObject({ version: 1, lines: [], total: { amount: 0, currency: "eur" } });
    expect(body.id).toMatch(/^[A-Za-z0-9_-]{22}$/);
    const cookies = headers.getSetCookie().join("\n");
    expect(cookies).toMatch(new RegExp(`checkout_cart=${body.id};.*HttpOnly`, "i"));
    expect(cookies).toMatch(/SameSite=lax/i);
    expect(cookies).toMatch(/checkout_uid=[A-Za-z0-9_-]{22};/);
  });

  it("keeps the shopper id of an existing cookie as the cart's user", async () => {
    const userId = "AAAAAAAAAAAAAAAAAAAAAA";
    const { body, headers } = await callRoute(cartRoute.POST, {
      method: "POST",
      headers: { cookie: `checkout_uid=${userId}` },
    });

    const rows = await db.query('SELECT "userId" FROM "Cart" WHERE id = $1', [body.id]);
    expect(rows[0]?.userId).toBe(userId);
    expect(headers.getSetCookie().join("\n")).not.toContain("checkout_uid=");
  });

  it("echoes the trace id of an incoming traceparent", async () => {
    const traceId = "4bf92f3577b34da6a3ce929d0e0e4736";
    const { headers } = await callRoute(cartRoute.POST, {
      method: "POST",
      headers: { traceparent: `00-${traceId}-00f067aa0ba902b7-01` },
    });

    expect(headers.get("x-trace-id")).toBe(traceId);
  });
});

describe("GET /api/cart/{cartId}", () => {
  it("answers the cart", async () => {
    const cart = await newCart();

    const { status, body } = await callRoute(cartByIdRoute.GET, { params: { cartId: cart.id } });

    expect(status).toBe(200);
    expect(body.id).toBe(cart.id);
  });

  it.each([["AAAAAAAAAAAAAAAAAAAAAA"], ["not-a-cart"], ["../../etc/passwd"]])(
    "answers 404 for the unknown cart %s",
    async (cartId) => {
      const { status, body } = await callRoute(cartByIdRoute.GET, { params: { cartId } });

      expect(status).toBe(404);
      expect(body.error).toEqual({ code: "cart_not_found", message: "Unknown cart." });
    },
  );
});

describe("cart lines", () => {
  it("adds lines, adds to an existing line and totals from the catalog", async () => {
    const cart = await newCart();

    await addLine(cart.id, "espresso-cup", 2);
    const { status, body } = await addLine(cart.id, "espresso-cup", 1);
    const { body: withBeans } = await addLine(cart.id, "coffee-beans", 1);

    expect(status).toBe(200);
    expect(body.lines).toEqual([
      expect.objectContaining({ productId: "espresso-cup", quantity: 3, lineAmount: 3600 }),
    ]);
    expect(withBeans.total).toEqual({ amount: 3600 + 1450, currency: "eur" });
    expect(withBeans.version).toBe(4);
  });

  it("changes a quantity, and 0 removes the line", async () => {
    const cart = await newCart();
    await addLine(cart.id, "moka-pot", 1);

    const changed = await callRoute(lineRoute.PATCH, {
      method: "PATCH",
      params: { cartId: cart.id, productId: "moka-pot" },
      body: { quantity: 5 },
    });
    const removed = await callRoute(lineRoute.PATCH, {
      method: "PATCH",
      params: { cartId: cart.id, productId: "moka-pot" },
      body: { quantity: 0 },
    });

    expect(changed.body.lines[0]).toMatchObject({ quantity: 5, lineAmount: 5 * 3490 });
    expect(removed.body.lines).toEqual([]);
  });

  it("removes a line with DELETE", async () => {
    const cart = await newCart();
    await addLine(cart.id, "tea-tin", 2);

    const { status, body } = await callRoute(lineRoute.DELETE, {
      method: "DELETE",
      params: { cartId: cart.id, productId: "tea-tin" },
    });

    expect(status).toBe(200);
    expect(body.lines).toEqual([]);
  });

  it("counts concurrent changes exactly once each", async () => {
    const cart = await newCart();

    await Promise.all(Array.from({ length: 10 }, () => addLine(cart.id, "tea-tin", 1)));

    const { body } = await callRoute(cartByIdRoute.GET, { params: { cartId: cart.id } });
    expect(body.lines[0].quantity).toBe(10);
    expect(body.version).toBe(11);
  });

  it.each([
    ["an unknown product", { productId: "unicorn", quantity: 1 }, 422, "unknown_product"],
    ["a malformed product id", { productId: "DROP TABLE", quantity: 1 }, 400, "invalid_request"],
    ["quantity 0", { productId: "tea-tin", quantity: 0 }, 400, "invalid_request"],
    ["a negative quantity", { productId: "tea-tin", quantity: -1 }, 400, "invalid_request"],
    ["a fractional quantity", { productId: "tea-tin", quantity: 1.5 }, 400, "invalid_request"],
    ["a quantity as a string", { productId: "tea-tin", quantity: "2" }, 400, "invalid_request"],
    ["a quantity above the limit", { productId: "tea-tin", quantity: 100 }, 400, "invalid_request"],
    ["a huge quantity", { productId: "tea-tin", quantity: 1e308 }, 400, "invalid_request"],
    ["an unknown field", { productId: "tea-tin", quantity: 1, price: 1 }, 400, "invalid_request"],
    ["an array", [{ productId: "tea-tin", quantity: 1 }], 400, "invalid_request"],
    ["malformed JSON", '{"productId": "tea-tin",', 400, "malformed_json"],
    ["an empty body", "", 400, "malformed_json"],
  ])("refuses %s without changing the cart", async (_case, body, status, code) => {
    const cart = await newCart();
    await addLine(cart.id, "tea-tin", 1);

    const response = await callRoute(linesRoute.POST, {
      method: "POST",
      params: { cartId: cart.id },
      body,
    });

    expect(response.status).toBe(status);
    expect(response.body.error.code).toBe(code);
    expect(response.body.error.message).toEqual(expect.any(String));
    expect(await cartRows(cart.id)).toEqual([{ version: 2 }]);
  });

  it("refuses going over 99 of one product across additions", async () => {
    const cart = await newCart();
    await addLine(cart.id, "tea-tin", 60);

    const { status, body } = await addLine(cart.id, "tea-tin", 40);

    expect(status).toBe(422);
    expect(body.error.code).toBe("quantity_limit");
    expect(await cartRows(cart.id)).toEqual([{ version: 2 }]);
  });

  it("refuses a body that is not JSON, or too large", async () => {
    const cart = await newCart();

    const wrongType = await callRoute(linesRoute.POST, {
      method: "POST",
      params: { cartId: cart.id },
      body: "productId=tea-tin&quantity=1",
      headers: { "content-type": "application/x-www-form-urlencoded" },
    });
    const huge = await callRoute(linesRoute.POST, {
      method: "POST",
      params: { cartId: cart.id },
      body: JSON.stringify({ productId: "tea-tin", quantity: 1, pad: "x".repeat(100_000) }),
    });

    expect(wrongType.status).toBe(415);
    expect(huge.status).toBe(413);
    expect(await cartRows(cart.id)).toEqual([{ version: 1 }]);
  });

  it("answers 404 for a line that is not in the cart, and for an unknown cart", async () => {
    const cart = await newCart();

    const missingLine = await callRoute(lineRoute.DELETE, {
      method: "DELETE",
      params: { cartId: cart.id, productId: "moka-pot" },
    });
    const missingCart = await addLine("BBBBBBBBBBBBBBBBBBBBBB", "tea-tin", 1);

    expect(missingLine.status).toBe(404);
    expect(missingLine.body.error.code).toBe("line_not_found");
    expect(missingCart.status).toBe(404);
    expect(await cartRows(cart.id)).toEqual([{ version: 1 }]);
  });
});

describe("PUT /api/cart/{cartId}/details", () => {
  it("stores the details, normalising the country", async () => {
    const cart = await newCart();

    const { status, body } = await callRoute(detailsRoute.PUT, {
      method: "PUT",
      params: { cartId: cart.id },
      body: validDetails,
    });

    expect(status).toBe(200);
    expect(body.details).toEqual({
      ...validDetails,
      address: { ...validDetails.address, country: "IT" },
    });
  });

  it.each([
    ["a bad email", { ...validDetails, email: "ada@" }, "email"],
    ["a missing name", { ...validDetails, name: "  " }, "name"],
    [
      "an unknown country",
      { ...validDetails, address: { ...validDetails.address, country: "QQ" } },
      "address.country",
    ],
    ["a header injection", { ...validDetails, name: "Ada\r\nBcc: x@y.z" }, "name"],
    ["a missing address", { email: "ada@example.com", name: "Ada" }, "address"],
  ])("refuses %s and names the field", async (_case, body, field) => {
    const cart = await newCart();

    const response = await callRoute(detailsRoute.PUT, {
      method: "PUT",
      params: { cartId: cart.id },
      body,
    });

    expect(response.status).toBe(400);
    expect(response.body.error.field).toBe(field);
    expect(await cartRows(cart.id)).toEqual([{ version: 1 }]);
  });
});
