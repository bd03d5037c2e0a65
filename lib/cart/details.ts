// Shipping details of the Details step; the same schema validates the form and the API.
import { z } from "zod";

// Control characters (C0, DEL, C1), line and paragraph separators, and lone surrogates: nothing
// a person types, and the stuff of header injection and of text a database stores altered.
const NOT_TEXT = /[\u0000-\u001f\u007f-\u009f\u2028\u2029]|\p{Cs}/u;

const text = (label: string, max: number) =>
  z
    .string({ error: `${label} is required.` })
    .trim()
    .min(1, `${label} is required.`)
    .max(max, `${label} must be at most ${max} characters.`)
    .refine((value) => !NOT_TEXT.test(value), `${label} contains control characters.`);

const regionNames = new Intl.DisplayNames(["en"], { type: "region", fallback: "none" });

// Codes that Intl names but that are no place to ship to: groupings and private-use codes.
const NOT_A_COUNTRY = new Set(["EU", "EZ", "UN", "QO", "XA", "XB", "ZZ"]);

/** An ISO 3166 code in use: named, not a withdrawn alias (DD, SU, …) nor a grouping. */
function isCountryCode(code: string): boolean {
  if (!/^[A-Z]{2}$/.test(code) || NOT_A_COUNTRY.has(code)) return false;

  return regionNames.of(code) !== undefined && new Intl.Locale(`und-${code}`).region === code;
}

export const detailsSchema = z.strictObject({
  email: z
    .email({ error: "Enter a valid email address." })
    .max(254, "The email address is too long."),
  name: text("Name", 200),
  address: z.strictObject({
    line1: text("Address", 200),
    line2: z
      .string()
      .trim()
      .max(200, "Address line 2 must be at most 200 characters.")
      .refine((value) => !NOT_TEXT.test(value), "Address line 2 contains control characters.")
      .transform((value) => value || undefined)
      .optional(),
    city: text("City", 100),
    postalCode: text("Postal code", 20).refine(
      (value) => /^[A-Za-z0-9][A-Za-z0-9 -]*$/.test(value),
      "Enter a valid postal code.",
    ),
    country: z
      .string({ error: "Country is required." })
      .trim()
      .toUpperCase()
      .refine(isCountryCode, "Choose a country (ISO 3166 two-letter code)."),
  }),
});

export type Details = z.output<typeof detailsSchema>;

export function countryName(code: string): string {
  return regionNames.of(code) ?? code;
}
