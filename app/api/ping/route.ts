// GET /api/ping: liveness (the process answers HTTP). Touches nothing; /api/health is readiness.
export function GET(): Response {
  return Response.json({ status: "alive" }, { headers: { "cache-control": "no-store" } });
}
