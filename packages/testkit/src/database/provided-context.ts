// What the integration global setup hands to every test file (vitest `provide`/`inject`).
export {};

declare module "vitest" {
  export interface ProvidedContext {
    testServerUrl: string;
    templateDatabase: string;
  }
}
