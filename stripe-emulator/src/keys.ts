// Keys the emulator hands out in local mode. Any sk_test_/rk_test_/pk_test_ key is accepted;
// these are just well-known values so the app and its tests agree without configuration.
export const EMULATOR_SECRET_KEY = "sk_test_emulator_0000000000000000000000000000";
export const EMULATOR_PUBLIC_KEY = "pk_test_emulator_0000000000000000000000000000";
export const EMULATOR_WEBHOOK_SECRET = "whsec_emulator_00000000000000000000000000000000";

// The version stripe-node 23 pins; events carry the version of the request that caused them.
export const DEFAULT_API_VERSION = "2026-11-18.endive";

export const DEFAULT_PORT = 12111;
