import createNextIntlPlugin from "next-intl/plugin";

const withNextIntl = createNextIntlPlugin("./lib/i18n/request.ts");

/** @type {import('next').NextConfig} */
const nextConfig = {
  // Native modules and Prisma's generated client stay outside the server bundle.
  serverExternalPackages: ["better-sqlite3", "@node-rs/argon2", "pg", "@prisma/adapter-better-sqlite3", "@prisma/adapter-pg", "playwright-core"],
  poweredByHeader: false,
  // forbidden(): pages a role may not open answer 403 with a localized page, not a crash.
  experimental: {
    authInterrupts: true,
    // 8 MiB, as lib/body-limit.ts (MAX_BODY_BYTES): a statement at its schema's limits (its text and
    // ten translations) must fit; Next's default is 1 MB. lib/body-limit.test.ts checks they agree.
    serverActions: { bodySizeLimit: 8 * 1024 * 1024 },
  },
  async headers() {
    return [
      {
        source: "/:path*",
        headers: [
          { key: "X-Frame-Options", value: "DENY" },
          { key: "X-Content-Type-Options", value: "nosniff" },
          // same-origin, not no-referrer: under no-referrer a browser posts a form with "Origin: null",
          // and Next refuses every form posted without JavaScript. Other sites still get no referrer.
          { key: "Referrer-Policy", value: "same-origin" },
        ],
      },
    ];
  },
};

export default withNextIntl(nextConfig);
