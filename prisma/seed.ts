// `npm run db:seed` (and `prisma db seed`): applies the idempotent seed to DATABASE_URL.
import { createDb, seedDatabase } from "@perflab/db";

const databaseUrl = process.env.DATABASE_URL;
if (!databaseUrl) {
  console.error("DATABASE_URL is not set: point it at the database to seed.");
  process.exit(1);
}
const db = createDb(databaseUrl);
try {
  await seedDatabase(db);
  console.log("Seed applied.");
} finally {
  await db.$disconnect();
}
