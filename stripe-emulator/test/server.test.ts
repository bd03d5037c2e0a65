import { describe, expect, it } from "vitest";

import { useEmulator } from "./support/emulator.js";

const env = useEmulator();

describe("HTTP surface", () => {
  it.each(["/v3/stripe.js", "/v3", "/stripe.js", "/endive/stripe.js"])(
    "serves the Stripe.js stand-in at %s with its own address baked in",
    async (path) => {
      const response = await fetch(`${env.emulator.url}${path}`);
      const script = await response.text();

      expect(response.status).toBe(200);
      expect(response.headers.get("content-type")).toMatch(/javascript/);
      expect(script).toContain(`var API_BASE = "${env.emulator.url}"`);
      expect(script).toContain("window.Stripe = Stripe");
    },
  );

  it("answers CORS preflights for the browser stand-in", async () => {
    const response = await fetch(`${env.emulator.url}/v1/payment_intents/pi_x/confirm`, {
      method: "OPTIONS",
      headers: {
        origin: "http://localhost:3000",
        "access-control-request-method": "POST",
        "access-control-request-headers": "authorization,content-type",
      },
    });

    expect(response.status).toBe(204);
    expect(response.headers.get("access-control-allow-origin")).toBe("*");
    expect(response.headers.get("access-control-allow-headers")).toMatch(/Authorization/);
    expect(response.headers.get("access-control-allow-headers")).toMatch(/Stripe-Version/);
  });

  it("reports health and forgets everything on reset", async () => {
    await env.stripe.paymentIntents.create({ amount: 1000, currency: "usd" });

    const health = await (await fetch(`${env.emulator.url}/_emulator/health`)).json();
    const reset = await fetch(`${env.emulator.url}/_emulator/reset`, { method: "POST" });
    const list = await env.stripe.paymentIntents.list();

    expect(health).toMatchObject({ ok: true, processingDelayMs: 200 });
    expect(reset.status).toBe(200);
    expect(list.data).toHaveLength(0);
  });

  it("changes the processing delay through the control API", async () => {
    const response = await fetch(`${env.emulator.url}/_emulator/config`, {
      method: "POST",
      body: JSON.stringify({ processingDelayMs: 20 }),
    });
    const intent = await env.stripe.paymentIntents.create({
      amount: 1000,
      currency: "usd",
      payment_method: "pm_card_emulatorProcessing",
      confirm: true,
    });
    await new Promise((resolve) => setTimeout(resolve, 80));

    expect(await response.json()).toMatchObject({ processingDelayMs: 20 });
    expect((await env.stripe.paymentIntents.retrieve(intent.id)).status).toBe("succeeded");
    env.emulator.configure({ processingDelayMs: 200 });
  });

  it("answers unknown control endpoints with 404 JSON", async () => {
    const response = await fetch(`${env.emulator.url}/_emulator/nothing`);

    expect(response.status).toBe(404);
    expect(await response.json()).toMatchObject({ error: { message: expect.any(String) } });
  });
});
