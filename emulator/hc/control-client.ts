import { z } from "zod";

/** A typed client for the emulator's /_emulator control API, used by the `hc` command. */

export class HcError extends Error {}

const paymentRequestItemSchema = z.looseObject({
  id: z.string(),
  status: z.string(),
  product: z.looseObject({ name: z.string() }),
  paymentAmount: z.looseObject({ amount: z.number(), currencyCode: z.string(), denominatedIn: z.string() }),
  customParameters: z.record(z.string(), z.unknown()),
  transactionIds: z.array(z.string()),
  createdAt: z.string(),
  notifications: z.looseObject({ webhook: z.looseObject({ webhookUrl: z.string() }).optional() }).optional(),
});
export type ControlPaymentRequest = z.infer<typeof paymentRequestItemSchema>;

const attemptSchema = z.looseObject({
  attempt: z.number(),
  startedAt: z.string(),
  finishedAt: z.string(),
  httpStatus: z.number().nullable(),
  error: z.string().nullable(),
  responseBody: z.string().nullable(),
});
export type ControlAttempt = z.infer<typeof attemptSchema>;

const deliverySchema = z.looseObject({
  deliveryId: z.string(),
  paymentRequestId: z.string(),
  transactionId: z.string(),
  kind: z.string(),
  state: z.enum(["pending", "delivered", "failed", "lost"]),
  nextAttemptAt: z.string().nullable(),
  attempts: z.array(attemptSchema),
});
export type ControlDelivery = z.infer<typeof deliverySchema>;

const payResultSchema = z.object({
  transactionId: z.string(),
  redirectUrl: z.string().nullable(),
  deliveryId: z.string().nullable(),
});
export type PayResult = z.infer<typeof payResultSchema>;

const deliveriesResultSchema = z.object({ deliveryIds: z.array(z.string()), transactionId: z.string() });

export interface PayOptions {
  userId?: string;
  delivery?: "normal" | "lost" | "delayed";
  delayMs?: number;
}

export interface DeliverOptions {
  transactionId?: string;
  copies?: number;
  appSecret?: string;
  retry?: boolean;
}

export function createControlClient(baseUrl: string) {
  async function call<Schema extends z.ZodType>(method: "GET" | "POST", path: string, schema: Schema, body?: unknown): Promise<z.output<Schema>> {
    let response: Response;
    try {
      response = await fetch(`${baseUrl}${path}`, {
        method,
        headers: body === undefined ? {} : { "content-type": "application/json" },
        body: body === undefined ? undefined : JSON.stringify(body),
        signal: AbortSignal.timeout(10_000),
      });
    } catch (error) {
      throw new HcError(
        `Cannot reach the emulator at ${baseUrl} (${(error as Error).message}). Is \`npm run emulator\` running? Use --emulator URL otherwise.`,
      );
    }
    const text = await response.text();
    let json: unknown;
    try {
      json = JSON.parse(text);
    } catch {
      throw new HcError(`${method} ${path} answered ${response.status} with a body that is not JSON`);
    }
    if (!response.ok) {
      const message = z.object({ message: z.string() }).safeParse(json);
      throw new HcError(`${method} ${path} answered ${response.status}: ${message.success ? message.data.message : text.slice(0, 200)}`);
    }
    const parsed = schema.safeParse(json);
    if (!parsed.success) throw new HcError(`${method} ${path} answered with an unexpected shape: ${parsed.error.message}`);
    return parsed.data;
  }

  return {
    listPaymentRequests: async () => (await call("GET", "/_emulator/paymentRequests", z.object({ items: z.array(paymentRequestItemSchema) }))).items,
    pay: (id: string, options: PayOptions) => call("POST", `/_emulator/paymentRequests/${encodeURIComponent(id)}/pay`, payResultSchema, options),
    deliver: (id: string, options: DeliverOptions) =>
      call("POST", `/_emulator/paymentRequests/${encodeURIComponent(id)}/deliveries`, deliveriesResultSchema, options),
    getDelivery: (deliveryId: string) => call("GET", `/_emulator/deliveries/${encodeURIComponent(deliveryId)}`, deliverySchema),
  };
}
export type ControlClient = ReturnType<typeof createControlClient>;
