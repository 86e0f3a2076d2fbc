import Link from "next/link";
import ui from "./admin-ui.module.css";
import { listHref } from "./list-links";

interface PaginationProps {
  path: string;
  params: Record<string, string | number | undefined>;
  page: number;
  pageCount: number;
  total: number;
  pageSize: number;
  noun: string;
}

export function Pagination({ path, params, page, pageCount, total, pageSize, noun }: PaginationProps) {
  const first = total === 0 ? 0 : (page - 1) * pageSize + 1;
  const last = Math.min(total, page * pageSize);
  return (
    <nav className={ui.pagination} aria-label={`${noun} pages`}>
      <span>
        {total === 0 ? `No ${noun}` : `${first}–${last} of ${total} ${noun}`} · page {Math.min(page, pageCount)} of {pageCount}
      </span>
      <span className={ui.paginationLinks}>
        {page > 1 ? (
          <Link className={ui.buttonSecondary} href={listHref(path, params, { page: page - 1 === 1 ? undefined : page - 1 })} rel="prev">
            ← Previous
          </Link>
        ) : null}
        {page < pageCount ? (
          <Link className={ui.buttonSecondary} href={listHref(path, params, { page: page + 1 })} rel="next">
            Next →
          </Link>
        ) : null}
      </span>
    </nav>
  );
}
