// Whether the instance still waits for its first admin (the home page sends visitors to
// the setup explanation while it does).
import type { Db } from "../client";

export async function isSetupComplete(db: Db): Promise<boolean> {
  return (await db.user.count({ where: { role: "ADMIN" } })) > 0;
}
