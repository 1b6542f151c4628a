// The shape of a user that leaves the data layer: never the password hash.
import type { Role } from "../generated/prisma/enums";

export interface TUserSummary {
  id: string;
  email: string;
  name: string;
  role: Role;
}

export const USER_SUMMARY_SELECT = { id: true, email: true, name: true, role: true } as const;
