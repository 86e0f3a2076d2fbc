import { toHttpResponse } from "@/server/errors";
import { listPublishedProducts } from "@/server/products/list-published-products";

// GET /api/products: the published catalogue with prices in minor units.
export async function GET(): Promise<Response> {
  try {
    const products = await listPublishedProducts();
    return Response.json(
      products.map(({ id, slug, title, priceAmount, currency }) => ({ id, slug, title, price: { amount: priceAmount, currency } })),
      { headers: { "cache-control": "no-store" } },
    );
  } catch (error) {
    return toHttpResponse(error);
  }
}
