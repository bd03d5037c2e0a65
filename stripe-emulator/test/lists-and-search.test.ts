import { describe, expect, it } from "vitest";

import { rejectionOf, useEmulator } from "./support/emulator.js";

const env = useEmulator();

async function createIntents(count: number) {
  const ids: string[] = [];
  for (let i = 0; i < count; i++) {
    const intent = await env.stripe.paymentIntents.create({
      amount: 1000 + i,
      currency: "usd",
      metadata: { cartId: `cart_${i % 3}` },
    });
    ids.push(intent.id);
  }
  return ids.reverse(); // newest first, as Stripe lists
}

describe("list", () => {
  it("pages newest first with has_more and starting_after", async () => {
    const ids = await createIntents(13);

    const first = await env.stripe.paymentIntents.list({ limit: 5 });
    const second = await env.stripe.paymentIntents.list({
      limit: 5,
      starting_after: first.data[4]!.id,
    });
    const last = await env.stripe.paymentIntents.list({
      limit: 5,
      starting_after: second.data[4]!.id,
    });

    expect(first.url).toBe("/v1/payment_intents");
    expect(first.data.map((i) => i.id)).toEqual(ids.slice(0, 5));
    expect(first.has_more).toBe(true);
    expect(second.data.map((i) => i.id)).toEqual(ids.slice(5, 10));
    expect(last.data.map((i) => i.id)).toEqual(ids.slice(10));
    expect(last.has_more).toBe(false);
  });

  it("defaults to 10 and pages backwards with ending_before", async () => {
    const ids = await createIntents(12);

    const page = await env.stripe.paymentIntents.list();
    const before = await env.stripe.paymentIntents.list({ limit: 3, ending_before: ids[6] });

    expect(page.data).toHaveLength(10);
    expect(before.data.map((i) => i.id)).toEqual(ids.slice(3, 6));
    expect(before.has_more).toBe(true);
  });

  it("walks every item with auto-pagination", async () => {
    const ids = await createIntents(7);

    const all = await env.stripe.paymentIntents.list({ limit: 2 }).autoPagingToArray({ limit: 50 });

    expect(all.map((i) => i.id)).toEqual(ids);
  });

  it("filters on created ranges", async () => {
    await createIntents(2);
    const now = Math.floor(Date.now() / 1000);

    const inRange = await env.stripe.paymentIntents.list({
      created: { gte: now - 60, lte: now + 1 },
    });
    const future = await env.stripe.paymentIntents.list({ created: { gt: now + 60 } });
    const past = await env.stripe.paymentIntents.list({ created: { lt: now - 60 } });

    expect(inRange.data).toHaveLength(2);
    expect(future.data).toHaveLength(0);
    expect(past.data).toHaveLength(0);
  });

  it("rejects a limit over 100 and an unknown cursor", async () => {
    const tooMany = await rejectionOf(env.stripe.paymentIntents.list({ limit: 101 }));
    const cursor = await rejectionOf(env.stripe.paymentIntents.list({ starting_after: "pi_nope" }));

    expect(tooMany.param).toBe("limit");
    expect(cursor).toMatchObject({ code: "resource_missing", param: "starting_after" });
  });

  it("expands through data. in lists", async () => {
    await env.stripe.paymentIntents.create({
      amount: 1000,
      currency: "usd",
      payment_method: "pm_card_visa",
      confirm: true,
    });

    const list = await env.stripe.paymentIntents.list({ expand: ["data.latest_charge"] });

    expect(list.data[0]!.latest_charge).toMatchObject({ object: "charge", status: "succeeded" });
  });
});

describe("search", () => {
  it("finds by metadata, status and created, combined with AND", async () => {
    await createIntents(6);
    const paid = await env.stripe.paymentIntents.create({
      amount: 5000,
      currency: "usd",
      metadata: { cartId: "cart_1" },
      payment_method: "pm_card_visa",
      confirm: true,
    });

    const byCart = await env.stripe.paymentIntents.search({ query: "metadata['cartId']:'cart_1'" });
    const bySucceeded = await env.stripe.paymentIntents.search({ query: "status:'succeeded'" });
    const combined = await env.stripe.paymentIntents.search({
      query: `metadata["cartId"]:"cart_1" AND status:"succeeded" AND created>1700000000`,
    });
    const none = await env.stripe.paymentIntents.search({ query: "created<1700000000" });

    expect(byCart.object).toBe("search_result");
    expect(byCart.data).toHaveLength(3);
    expect(bySucceeded.data.map((i) => i.id)).toEqual([paid.id]);
    expect(combined.data.map((i) => i.id)).toEqual([paid.id]);
    expect(none.data).toHaveLength(0);
  });

  it("pages with next_page", async () => {
    const ids = await createIntents(5);

    const first = await env.stripe.paymentIntents.search({ query: "currency:'usd'", limit: 2 });
    const second = await env.stripe.paymentIntents.search({
      query: "currency:'usd'",
      limit: 2,
      page: first.next_page!,
    });
    const all = await env.stripe.paymentIntents
      .search({ query: "currency:'usd'", limit: 2 })
      .autoPagingToArray({ limit: 50 });

    expect(first.has_more).toBe(true);
    expect(first.next_page).toEqual(expect.any(String));
    expect(second.data.map((i) => i.id)).toEqual(ids.slice(2, 4));
    expect(all.map((i) => i.id)).toEqual(ids);
  });

  it("supports OR, negation and numeric comparison", async () => {
    await createIntents(4); // amounts 1000..1003, carts 0,1,2,0

    const either = await env.stripe.paymentIntents.search({
      query: "metadata['cartId']:'cart_1' OR metadata['cartId']:'cart_2'",
    });
    const notZero = await env.stripe.paymentIntents.search({
      query: "-metadata['cartId']:'cart_0'",
    });
    const big = await env.stripe.paymentIntents.search({ query: "amount>=1002" });

    expect(either.data).toHaveLength(2);
    expect(notZero.data).toHaveLength(2);
    expect(big.data.map((i) => i.amount).sort()).toEqual([1002, 1003]);
  });

  it("rejects queries it cannot parse", async () => {
    const error = await rejectionOf(env.stripe.paymentIntents.search({ query: "colour:'blue'" }));

    expect(error).toMatchObject({ statusCode: 400, param: "query" });
  });
});
