"use client";

import { useRouter } from "next/navigation";
import { useEffect, useRef, useState, type FormEvent } from "react";

import { detailsSchema, type Details } from "@/lib/cart/details";

import { CartApiError, messageOf, saveDetails } from "./cart-api";
import styles from "./details-form.module.css";
import type { CountryOption } from "./shipping-countries";

interface Props {
  cartId: string;
  /** Details saved on the cart earlier, to fill the form in again. */
  saved: Details | null;
  countries: CountryOption[];
  defaultCountry: string;
}

type FieldPath =
  | "email"
  | "name"
  | "address.line1"
  | "address.line2"
  | "address.city"
  | "address.postalCode"
  | "address.country";

type FieldErrors = Partial<Record<FieldPath, string>>;

const FIELD_ORDER: FieldPath[] = [
  "email",
  "name",
  "address.line1",
  "address.line2",
  "address.city",
  "address.postalCode",
  "address.country",
];

const inputId = (path: FieldPath) => `details-${path.replace(".", "-")}`;
const errorId = (path: FieldPath) => `${inputId(path)}-error`;
const isFieldPath = (path: string): path is FieldPath => FIELD_ORDER.includes(path as FieldPath);

/** The form's values in the shape the schema (and the API) expects. */
function valuesOf(form: HTMLFormElement) {
  const data = new FormData(form);
  const text = (path: FieldPath) => String(data.get(path) ?? "");

  return {
    email: text("email").trim(),
    name: text("name"),
    address: {
      line1: text("address.line1"),
      line2: text("address.line2"),
      city: text("address.city"),
      postalCode: text("address.postalCode"),
      country: text("address.country"),
    },
  };
}

function validate(form: HTMLFormElement): { details: Details | null; errors: FieldErrors } {
  const parsed = detailsSchema.safeParse(valuesOf(form));
  if (parsed.success) return { details: parsed.data, errors: {} };

  const errors: FieldErrors = {};
  for (const issue of parsed.error.issues) {
    const path = issue.path.join(".");
    if (isFieldPath(path)) errors[path] ??= issue.message;
  }
  return { details: null, errors };
}

/** The Details step: contact and shipping address, checked here and again by the server. */
export function DetailsForm({ cartId, saved, countries, defaultCountry }: Props) {
  const router = useRouter();
  const summaryRef = useRef<HTMLElement>(null);
  const [errors, setErrors] = useState<FieldErrors>({});
  const [formError, setFormError] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);
  // Bumped by every refused submit, so the summary takes focus even when the errors are the same.
  const [refusals, setRefusals] = useState(0);

  useEffect(() => {
    if (refusals > 0) summaryRef.current?.focus();
  }, [refusals]);

  function refuse(fieldErrors: FieldErrors, message: string | null) {
    setErrors(fieldErrors);
    setFormError(message);
    setRefusals((count) => count + 1);
  }

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (saving) return;

    const { details, errors: found } = validate(event.currentTarget);
    if (!details) return refuse(found, null);

    setErrors({});
    setFormError(null);
    setSaving(true);
    try {
      await saveDetails(cartId, details);
      router.push("/checkout/payment");
    } catch (error) {
      setSaving(false);
      if (error instanceof CartApiError && error.field && isFieldPath(error.field)) {
        // The server names the field and prefixes its message with it; the form shows it inline.
        const message = error.message.replace(`${error.field}: `, "");
        return refuse({ [error.field]: message }, null);
      }

      refuse({}, messageOf(error));
    }
  }

  /** Once a field was flagged, its message follows the shopper's corrections as they type. */
  function recheck(path: FieldPath, form: HTMLFormElement | null) {
    if (!errors[path] || !form) return;

    const message = validate(form).errors[path];
    setErrors((current) => ({ ...current, [path]: message }));
  }

  const flagged = FIELD_ORDER.filter((path) => errors[path]);
  const showSummary = refusals > 0 && (flagged.length > 0 || formError !== null);

  const field = (path: FieldPath) => ({
    id: inputId(path),
    name: path,
    "aria-invalid": errors[path] ? true : undefined,
    "aria-describedby": errors[path] ? errorId(path) : undefined,
    onChange: (event: { currentTarget: HTMLInputElement | HTMLSelectElement }) =>
      recheck(path, event.currentTarget.form),
  });

  const fieldError = (path: FieldPath) =>
    errors[path] && (
      <p id={errorId(path)} className={styles.fieldError}>
        <span className="sr-only">Error: </span>
        {errors[path]}
      </p>
    );

  return (
    <form className={styles.form} onSubmit={submit} noValidate aria-busy={saving}>
      {showSummary && (
        <section
          ref={summaryRef}
          className={styles.summary}
          tabIndex={-1}
          aria-labelledby="details-error-title"
        >
          <h2 id="details-error-title" className={styles.summaryTitle}>
            {formError ? "We could not save your details" : "Please check these fields"}
          </h2>
          {formError && <p>{formError}</p>}
          {flagged.length > 0 && (
            <ul className={styles.summaryList}>
              {flagged.map((path) => (
                <li key={path}>
                  <a href={`#${inputId(path)}`}>{errors[path]}</a>
                </li>
              ))}
            </ul>
          )}
        </section>
      )}

      <fieldset className={`surface ${styles.fieldset}`}>
        <legend className={styles.legend}>Contact</legend>
        <div className={styles.field}>
          <label htmlFor={inputId("email")}>Email</label>
          <p id="details-email-hint" className={styles.hint}>
            We send the receipt here.
          </p>
          <input
            {...field("email")}
            aria-describedby={
              errors.email ? `${errorId("email")} details-email-hint` : "details-email-hint"
            }
            type="email"
            autoComplete="email"
            spellCheck={false}
            defaultValue={saved?.email}
          />
          {fieldError("email")}
        </div>
        <div className={styles.field}>
          <label htmlFor={inputId("name")}>Full name</label>
          <input {...field("name")} autoComplete="name" defaultValue={saved?.name} />
          {fieldError("name")}
        </div>
      </fieldset>

      <fieldset className={`surface ${styles.fieldset}`}>
        <legend className={styles.legend}>Shipping address</legend>
        <div className={styles.field}>
          <label htmlFor={inputId("address.line1")}>Address</label>
          <input
            {...field("address.line1")}
            autoComplete="address-line1"
            defaultValue={saved?.address.line1}
          />
          {fieldError("address.line1")}
        </div>
        <div className={styles.field}>
          <label htmlFor={inputId("address.line2")}>
            Address line 2 <span className={styles.optional}>(optional)</span>
          </label>
          <input
            {...field("address.line2")}
            autoComplete="address-line2"
            defaultValue={saved?.address.line2}
          />
          {fieldError("address.line2")}
        </div>
        <div className={styles.row}>
          <div className={styles.field}>
            <label htmlFor={inputId("address.postalCode")}>Postal code</label>
            <input
              {...field("address.postalCode")}
              autoComplete="postal-code"
              defaultValue={saved?.address.postalCode}
            />
            {fieldError("address.postalCode")}
          </div>
          <div className={styles.field}>
            <label htmlFor={inputId("address.city")}>City</label>
            <input
              {...field("address.city")}
              autoComplete="address-level2"
              defaultValue={saved?.address.city}
            />
            {fieldError("address.city")}
          </div>
        </div>
        <div className={styles.field}>
          <label htmlFor={inputId("address.country")}>Country</label>
          <select
            {...field("address.country")}
            autoComplete="country"
            defaultValue={saved?.address.country ?? defaultCountry}
          >
            {countries.map(({ code, name }) => (
              <option key={code} value={code}>
                {name}
              </option>
            ))}
          </select>
          {fieldError("address.country")}
        </div>
      </fieldset>

      <div className={styles.actions}>
        <button type="submit" className="button" aria-disabled={saving}>
          {saving ? "Saving…" : "Continue to payment"}
        </button>
      </div>
    </form>
  );
}
