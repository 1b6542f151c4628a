// "/" – sends a fresh instance to its setup explanation, everyone else to the curriculum.
import { isSetupComplete } from "@perflab/db";
import { redirect } from "next/navigation";
import { getDb } from "@/server/db";

export default async function HomePage() {
  redirect((await isSetupComplete(getDb())) ? "/curriculum" : "/setup");
}
