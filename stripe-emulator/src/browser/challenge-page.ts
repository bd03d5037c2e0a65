function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

/**
 * The hosted page behind `next_action.redirect_to_url`: a server-side confirm with a return_url
 * sends the customer here, and the answer redirects back like Stripe's test page.
 */
export function challengePage(
  intentId: string,
  amount: number,
  currency: string,
  returnUrl: string | null,
): string {
  const action = `/_emulator/payment_intents/${encodeURIComponent(intentId)}/three_d_secure`;
  const hidden = returnUrl
    ? `<input type="hidden" name="return_url" value="${escapeHtml(returnUrl)}">`
    : "";
  const price = `${(amount / 100).toFixed(2)} ${currency.toUpperCase()}`;
  const button = (result: string, label: string, color: string) =>
    `<form method="post" action="${action}">${hidden}` +
    `<input type="hidden" name="result" value="${result}">` +
    `<button style="width:100%;padding:12px;margin:6px 0;border:0;border-radius:6px;` +
    `background:${color};color:#fff;font-size:16px">${label}</button></form>`;

  return `<!doctype html><html lang="en"><head><meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>3D Secure 2 Test Page</title></head>
<body style="font-family:system-ui,sans-serif;max-width:420px;margin:40px auto;padding:0 16px">
<main><h1 style="font-size:20px">3D Secure 2 Test Page</h1>
<p>Stripe emulator — test mode. Authenticate the payment of ${escapeHtml(price)}
(${escapeHtml(intentId)}).</p>
${button("complete", "Complete authentication", "#1a7f37")}
${button("fail", "Fail authentication", "#b42318")}
</main></body></html>`;
}
