import Link from "next/link";
import ui from "./admin-ui.module.css";
import { listHref } from "./list-links";

interface SortHeaderProps {
  label: string;
  sortKey: string;
  current: { sort: string; dir: "asc" | "desc" };
  path: string;
  params: Record<string, string | number | undefined>;
  /** The direction a first click sorts in (newest or largest first for dates and amounts). */
  firstDir?: "asc" | "desc";
  isNumeric?: boolean;
}

/** A column header that sorts the table through the URL, announcing the current order. */
export function SortHeader({ label, sortKey, current, path, params, firstDir = "asc", isNumeric = false }: SortHeaderProps) {
  const isActive = current.sort === sortKey;
  const nextDir = isActive ? (current.dir === "asc" ? "desc" : "asc") : firstDir;
  const arrow = isActive ? (current.dir === "asc" ? "▲" : "▼") : "↕";
  return (
    <th scope="col" aria-sort={isActive ? (current.dir === "asc" ? "ascending" : "descending") : "none"} className={isNumeric ? ui.numeric : undefined}>
      <Link className={ui.sortLink} href={listHref(path, params, { sort: sortKey, dir: nextDir, page: undefined })}>
        {label}
        <span aria-hidden="true" className={isActive ? undefined : ui.sortIdle}>
          {arrow}
        </span>
        <span className={ui.visuallyHidden}>
          {isActive ? `, sorted ${current.dir === "asc" ? "ascending" : "descending"}; click to reverse` : ", click to sort"}
        </span>
      </Link>
    </th>
  );
}
