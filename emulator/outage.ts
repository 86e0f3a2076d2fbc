import type { EmulatorContext } from "./context";
import { type Reply, replyJson } from "./http";

/**
 * The answer an emulated outage gives a /v3 call, or null when there is none. Counts the answer
 * down (an outage with a `count` ends by itself). `isAfterCreating` holds only for a create call,
 * which is then carried out before the outage's answer replaces its own.
 */
export function takeOutageAnswer(context: Pick<EmulatorContext, "faults">, isCreateCall: boolean): { reply: Reply; isAfterCreating: boolean } | null {
  const outage = context.faults.apiOutage;
  if (!outage) return null;
  if (outage.remaining !== null && --outage.remaining <= 0) context.faults.apiOutage = null;
  const reply = replyJson(outage.status, {
    message: outage.status >= 500 ? "HandCash is unavailable (emulated outage)" : `Refused (emulated ${outage.status})`,
  });
  if (outage.retryAfterSeconds !== null) reply.headers = { ...reply.headers, "retry-after": String(outage.retryAfterSeconds) };
  return { reply, isAfterCreating: outage.isAfterCreating && isCreateCall };
}
