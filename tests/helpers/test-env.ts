// The settings every test process runs with: a valid test-mode shop in euro.
export const TEST_STRIPE_ENV = {
  STRIPE_SECRET_KEY: "sk_test_checkoutTestSuite0001",
  STRIPE_PUBLIC_KEY: "pk_test_checkoutTestSuite0001",
  STRIPE_WEBHOOK_SECRET: "whsec_checkoutTestSuite0001",
  STRIPE_MODE: "test",
  STRIPE_CURRENCY: "eur",
} as const;
