// Start-up checks beyond the settings' shapes: the catalog's currency against STRIPE_CURRENCY.
import { catalogCurrencies } from "@/lib/catalog/products";
import { ConfigError, getConfig } from "@/lib/config/config";
import type { Db } from "@/lib/db/client";

export async function checkStartup(db: Db): Promise<void> {
  const { currency } = getConfig().stripe;
  const others = (await catalogCurrencies(db)).filter((code) => code !== currency);
  if (others.length > 0) {
    throw new ConfigError(
      "STRIPE_CURRENCY",
      `is ${currency} but the catalog has prices in ${others.join(", ")}`,
    );
  }
}
