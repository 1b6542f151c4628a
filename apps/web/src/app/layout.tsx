import "@fontsource-variable/inter";
import "@fontsource-variable/jetbrains-mono";
import "highlight.js/styles/github.css";
import "./globals.css";
import type { Metadata } from "next";
import type { ReactNode } from "react";
import { SiteHeader } from "@/components/site-header";
import { canSeeTeams } from "@perflab/db";
import { getCurrentUser } from "@/server/auth/current-user";
import { getDb } from "@/server/db";

export const metadata: Metadata = {
  title: { default: "perflab", template: "%s · perflab" },
  description: "A self-hosted academy for Linux performance engineering.",
};

// Every page depends on who is signed in.
export const dynamic = "force-dynamic";

export default async function RootLayout({ children }: { children: ReactNode }) {
  const user = await getCurrentUser();
  const showsTeams = user ? await canSeeTeams(getDb(), user) : false;
  return (
    <html lang="en">
      <body className="min-h-screen font-sans">
        <SiteHeader user={user} showsTeams={showsTeams} />
        <main className="mx-auto max-w-6xl px-6 py-10">{children}</main>
      </body>
    </html>
  );
}
