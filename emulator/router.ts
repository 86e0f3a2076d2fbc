import type { IncomingMessage } from "node:http";
import { HttpError, type Reply } from "./http";

/** A minimal method + path-template router; `:name` segments become params. */

export interface RouteRequest {
  request: IncomingMessage;
  url: URL;
  params: Record<string, string>;
}

export interface Route {
  method: "GET" | "POST" | "PUT" | "DELETE";
  path: string;
  handle: (input: RouteRequest) => Promise<Reply> | Reply;
}

function splitPath(pathname: string): string[] {
  return pathname.split("/").filter((segment) => segment !== "");
}

function matchTemplate(template: string[], segments: string[]): Record<string, string> | null {
  if (template.length !== segments.length) return null;
  const params: Record<string, string> = {};
  for (const [index, part] of template.entries()) {
    const segment = segments[index] as string;
    if (part.startsWith(":")) {
      try {
        params[part.slice(1)] = decodeURIComponent(segment);
      } catch {
        return null;
      }
    } else if (part !== segment) {
      return null;
    }
  }
  return params;
}

/**
 * Finds the route for a request. Trailing and doubled slashes are ignored, so
 * `/v3/paymentRequests/` (what the generated SDK sends) is `/v3/paymentRequests`.
 * Earlier routes win, so literal paths must be listed before `:id` ones.
 */
export function findRoute(routes: readonly Route[], method: string, pathname: string): { route: Route; params: Record<string, string> } {
  const segments = splitPath(pathname);
  const allowed = new Set<string>();
  for (const route of routes) {
    const params = matchTemplate(splitPath(route.path), segments);
    if (!params) continue;
    if (route.method === method) return { route, params };
    allowed.add(route.method);
  }
  if (allowed.size > 0) {
    throw new HttpError(405, `Method ${method} not allowed`, { allow: [...allowed].join(", ") });
  }
  throw new HttpError(404, "Not found");
}
