import { orderListQuerySchema } from "@/lib/schemas/admin-orders";
import { firstValues } from "@/lib/schemas/search-params";
import { requireAdminSessionForRequest } from "@/server/admin/require-admin-session";
import { toHttpResponse } from "@/server/errors";
import { exportOrdersCsv } from "@/server/orders/export-orders-csv";

// GET /admin/orders/export: the orders matching the table's filters, as a CSV download (owner only).
export async function GET(req: Request): Promise<Response> {
  try {
    await requireAdminSessionForRequest(req);
    const query = orderListQuerySchema.parse(firstValues(new URL(req.url).searchParams));
    const filename = `tollgate-orders-${new Date().toISOString().slice(0, 10)}.csv`;
    return new Response(exportOrdersCsv({ query }), {
      headers: {
        "content-type": "text/csv; charset=utf-8",
        "content-disposition": `attachment; filename="${filename}"`,
        "cache-control": "no-store",
        "x-content-type-options": "nosniff",
      },
    });
  } catch (error) {
    return toHttpResponse(error);
  }
}
