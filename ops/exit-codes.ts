/** What `npm run ops` exits with; scripts and alerts may rely on these. */
export const EXIT = {
  /** Done, nothing wrong (or the repair succeeded). */
  ok: 0,
  /** A problem was found, a repair was refused or failed. */
  problem: 1,
  /** The command line was wrong: unknown command or option, missing argument. */
  usage: 2,
  /** The order, cart, PaymentIntent or event asked for does not exist. */
  notFound: 3,
  /** The command could not run: invalid settings, database or Stripe unreachable. */
  unavailable: 4,
} as const;

export type ExitCode = (typeof EXIT)[keyof typeof EXIT];
