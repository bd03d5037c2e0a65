"use client";

import { useId, useState, type FormEvent } from "react";

import styles from "./quantity-control.module.css";

interface Props {
  productName: string;
  quantity: number;
  maxQuantity: number;
  busy: boolean;
  onChange: (quantity: number) => void;
}

/**
 * − / number / + for one cart line; typed numbers are sent on Enter or when leaving the box.
 * The buttons stay focusable at the limits (aria-disabled), so keyboard focus is never dropped.
 */
export function QuantityControl({ productName, quantity, maxQuantity, busy, onChange }: Props) {
  const inputId = useId();
  const errorId = `${inputId}-error`;
  const [draft, setDraft] = useState(String(quantity));
  const [shownQuantity, setShownQuantity] = useState(quantity);
  const [error, setError] = useState<string | null>(null);

  // The server's answer wins: a new quantity from it replaces whatever was typed.
  if (quantity !== shownQuantity) {
    setShownQuantity(quantity);
    setDraft(String(quantity));
    setError(null);
  }

  function commit(value: number) {
    if (busy) return;

    if (!Number.isInteger(value) || value < 1 || value > maxQuantity) {
      setError(`Enter a quantity from 1 to ${maxQuantity}.`);
      return;
    }

    setError(null);
    setDraft(String(value));
    if (value !== quantity) onChange(value);
  }

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    commit(Number(draft.trim() || Number.NaN));
  }

  return (
    <form className={styles.control} onSubmit={submit} noValidate>
      <label htmlFor={inputId} className="sr-only">
        Quantity of {productName}
      </label>
      <div className={styles.stepper}>
        <button
          type="button"
          className={styles.step}
          onClick={() => quantity > 1 && commit(quantity - 1)}
          aria-disabled={busy || quantity <= 1}
          aria-label={`Decrease quantity of ${productName}`}
        >
          −
        </button>
        <input
          id={inputId}
          className={styles.input}
          type="number"
          inputMode="numeric"
          min={1}
          max={maxQuantity}
          step={1}
          value={draft}
          onChange={(event) => setDraft(event.target.value)}
          onBlur={() => commit(Number(draft.trim() || Number.NaN))}
          aria-invalid={error ? true : undefined}
          aria-describedby={error ? errorId : undefined}
        />
        <button
          type="button"
          className={styles.step}
          onClick={() => quantity < maxQuantity && commit(quantity + 1)}
          aria-disabled={busy || quantity >= maxQuantity}
          aria-label={`Increase quantity of ${productName}`}
        >
          +
        </button>
      </div>
      {error && (
        <p id={errorId} className="error-text">
          {error}
        </p>
      )}
    </form>
  );
}
