import { jsonError } from "@/server/errors";
import { checkDatabase } from "@/server/health/check-database";

// GET /api/health: 200 while the database answers, 503 otherwise (for load balancers and monitors).
export async function GET(): Promise<Response> {
  if ((await checkDatabase()).isReachable) return Response.json({ status: "ok" }, { headers: { "cache-control": "no-store" } });
  return jsonError(503, "The database is not answering.", { status: "unavailable" });
}
