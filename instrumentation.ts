/**
 * Runs once when the server starts. Importing the env module validates the configuration, so
 * a missing or malformed variable stops the server with a message naming it.
 */
export async function register(): Promise<void> {
  if (process.env.NEXT_RUNTIME === "nodejs") {
    await import("@/server/env");
  }
}
