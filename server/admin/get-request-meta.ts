import "server-only";
import { headers } from "next/headers";
import { clientIp } from "@/server/http/client-ip";

export interface RequestMeta {
  ip: string;
  userAgent: string | null;
}

/** Client address and user agent inside a server action, where there is no Request object. */
export async function getRequestMeta(): Promise<RequestMeta> {
  const requestHeaders = new Headers(await headers());
  return { ip: clientIp({ headers: requestHeaders }), userAgent: requestHeaders.get("user-agent") };
}
