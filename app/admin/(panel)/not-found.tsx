import Link from "next/link";
import ui from "@/components/admin/admin-ui.module.css";

export default function AdminNotFound() {
  return (
    <div>
      <h1 className={ui.pageTitle}>Not found</h1>
      <p className={ui.pageLead} style={{ marginBottom: "1rem" }}>
        There is no such product or order. It may have been deleted, or the link is incomplete (ids must be whole).
      </p>
      <p>
        <Link href="/admin/orders">Orders</Link> · <Link href="/admin/products">Products</Link>
      </p>
    </div>
  );
}
