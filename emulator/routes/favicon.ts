import type { Route } from "../router";

/** The emulator's tab icon: an "H" on HandCash green, so its tabs are told apart from the app's. */
export const EMULATOR_ICON_SVG =
  '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 32 32"><rect width="32" height="32" rx="6" fill="#1c9f5f"/><path d="M9 8h4v6h6V8h4v16h-4v-6h-6v6H9z" fill="#fff"/></svg>';

/** Browsers ask every host for /favicon.ico; a 404 there is noise in every log and console. */
export function buildFaviconRoutes(): Route[] {
  return [
    {
      method: "GET",
      path: "/favicon.ico",
      handle: () => ({ status: 200, headers: { "content-type": "image/svg+xml", "cache-control": "public, max-age=86400" }, body: EMULATOR_ICON_SVG }),
    },
  ];
}
