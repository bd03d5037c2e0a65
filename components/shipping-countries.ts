import { countryName } from "@/lib/cart/details";

/** Where the shop ships: the EU, its European neighbours, and a few markets overseas. */
const EUROPEAN_UNION =
  "AT BE BG HR CY CZ DK EE FI FR DE GR HU IE IT LV LT LU MT NL PL PT RO SK SI ES SE";
const ELSEWHERE = "GB CH NO IS US CA JP AU";
const SHIPPING_COUNTRY_CODES = `${EUROPEAN_UNION} ${ELSEWHERE}`.split(" ");

export const DEFAULT_COUNTRY = "IT";

export interface CountryOption {
  code: string;
  name: string;
}

/** The options of the country select, by English name; a saved code outside the list is kept. */
export function shippingCountries(savedCode?: string): CountryOption[] {
  const codes = new Set(SHIPPING_COUNTRY_CODES);
  if (savedCode) codes.add(savedCode.toUpperCase());

  return [...codes]
    .map((code) => ({ code, name: countryName(code) }))
    .sort((a, b) => a.name.localeCompare(b.name, "en"));
}
