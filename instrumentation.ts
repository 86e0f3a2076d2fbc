/**
 * Runs once when the server starts. Importing the env module validates the configuration, so
 * a missing or malformed variable stops the server with a message naming it.
 */
export async function register(): Promise<void> {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  const { env } = await import("@/server/env");
  if (!env.DATABASE_URL) {
    throw new Error("DATABASE_URL is not set. Start the app with `npm run dev`, which provides an embedded PostgreSQL, or set DATABASE_URL.");
  }
}
