export function articlePath(slug: string): string {
  return `/articles/${encodeURIComponent(slug)}`;
}

export function orderStatusPath(orderId: string): string {
  return `/api/orders/${encodeURIComponent(orderId)}`;
}
