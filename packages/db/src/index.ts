// @perflab/db: the Prisma client and every use-case that reads or writes durable state.
// Server-side only (no "server-only" import: the custom server and tests load it too).
export { createDb, getSharedDb, disconnectSharedDb, type Db } from "./client";
export { Role } from "./generated/prisma/enums";
export { checkDatabase, type TDatabaseHealth } from "./health/check-database";
export { createFirstAdmin, type TCreateFirstAdminResult } from "./setup/create-first-admin";
export { isSetupComplete } from "./setup/get-setup-state";
export { issueSetupTokenIfNoAdmin, isSetupTokenValid } from "./setup/setup-token";
export { authenticateWithPassword } from "./users/authenticate-with-password";
export { getActiveUser } from "./users/get-active-user";
export { countUsersByRole } from "./users/count-users-by-role";
export { ForbiddenError } from "./security/forbidden-error";
export { ZNewAccount, toFieldErrors, type TNewAccount } from "./users/user-input";
export type { TUserSummary } from "./users/user-summary";
export { seedDatabase } from "./seed/seed-database";
export { syncCurriculum, type TSyncResult, type TSyncTopicInput } from "./curriculum/sync-curriculum";
