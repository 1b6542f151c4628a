import type { NextConfig } from "next";

const nextConfig: NextConfig = {
  // Workspace packages ship TypeScript source; Next compiles them with the app.
  transpilePackages: ["@perflab/content", "@perflab/db", "@perflab/protocol"],
  // The database driver and Prisma's runtime load native-ish pieces (wasm, optional
  // pg-native) that are best required from node_modules at run time.
  serverExternalPackages: ["pg", "@prisma/adapter-pg", "@prisma/client"],
  poweredByHeader: false,
  reactStrictMode: true,
};

export default nextConfig;
