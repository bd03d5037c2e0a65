// Shipping details of the Details step; the same schema validates the form and the API.
import { z } from "zod";

const text = (label: string, max: number) =>
  z
    .string({ error: `${label} is required.` })
    .trim()
    .min(1, `${label} is required.`)
    .max(max, `${label} must be at most ${max} characters.`)
    .refine(
      (value) => !/[\u0000-\u001f\u007f]/.test(value),
      `${label} contains control characters.`,
    );

const regionNames = new Intl.DisplayNames(["en"], { type: "region", fallback: "none" });

export const detailsSchema = z.object({
  email: z
    .email({ error: "Enter a valid email address." })
    .max(254, "The email address is too long."),
  name: text("Name", 200),
  address: z.object({
    line1: text("Address", 200),
    line2: z
      .string()
      .trim()
      .max(200, "Address line 2 must be at most 200 characters.")
      .refine(
        (value) => !/[\u0000-\u001f\u007f]/.test(value),
        "Address line 2 contains control characters.",
      )
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
      .refine(
        (code) => /^[A-Z]{2}$/.test(code) && regionNames.of(code) !== undefined,
        "Choose a country (ISO 3166 two-letter code).",
      ),
  }),
});

export type Details = z.output<typeof detailsSchema>;

export function countryName(code: string): string {
  return regionNames.of(code) ?? code;
}
