// "/admin/settings" – instance-wide choices an admin changes at run time.
import { readInstanceSettings } from "@perflab/db";
import { notFound } from "next/navigation";
import { PageHeader } from "@/components/page-header";
import { requireUser } from "@/server/auth/current-user";
import { getDb } from "@/server/db";
import { AdminNav } from "../admin-nav";
import { SettingsForm } from "./settings-form";

export const metadata = { title: "Settings · Admin" };

export default async function AdminSettingsPage() {
  const actor = await requireUser("/admin/settings");
  if (actor.role !== "ADMIN") notFound();
  const settings = await readInstanceSettings(getDb());
  return (
    <>
      <PageHeader title="Settings">Changes apply to the next sign-up and the next quiz attempt; nobody needs to sign in again.</PageHeader>
      <AdminNav current="settings" />
      <SettingsForm current={settings} />
    </>
  );
}
