// Prisma CLI configuration (Prisma 7 reads no .env by itself). DATABASE_URL is only
// needed by commands that talk to a database; `prisma generate` runs without it.
// Run the CLI through `npm run db:*` (packages/db/src/cli/prisma.ts), which selects the
// WebAssembly schema engine when the native one cannot be downloaded.
import { defineConfig } from "prisma/config";

export default defineConfig({
  schema: "prisma/schema.prisma",
  migrations: {
    path: "prisma/migrations",
    seed: "tsx prisma/seed.ts",
  },
  datasource: {
    url: process.env.DATABASE_URL ?? "",
  },
});
