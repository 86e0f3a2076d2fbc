import { z } from "zod";

/**
 * Request bodies the emulator accepts, following HandCash's OpenAPI spec for v3 payment
 * requests (contract §1.3, §1.5) plus the control API. Issues are turned into Joi-style
 * messages by formatValidationMessage, because that is what Cloud answers with.
 */

const REQUESTED_USER_DATA = ["paymail", "email", "phoneNumber"] as const;
export type RequestedUserDataField = (typeof REQUESTED_USER_DATA)[number];

const httpUrlSchema = z.url({ protocol: /^https?$/ });
const isoDateSchema = z.iso.datetime({ offset: true });
const customParametersSchema = z.record(z.string(), z.unknown());

/** Strict mode mirrors Joi's default of rejecting unknown keys; off unless EMULATOR_STRICT_VALIDATION is set. */
function buildObject<Shape extends z.ZodRawShape>(shape: Shape, isStrict: boolean) {
  return isStrict ? z.strictObject(shape) : z.object(shape);
}

export function buildCreatePaymentRequestBodySchema(isStrict: boolean) {
  return buildObject(
    {
      product: buildObject(
        {
          name: z.string().min(1),
          description: z.string().optional(),
          longDescription: z.string().optional(),
          imageUrl: z.string().optional(),
        },
        isStrict,
      ),
      instrumentCurrencyCode: z.enum(["BSV", "MNEE"]),
      denominationCurrencyCode: z
        .string()
        .regex(/^[A-Z]{3,4}$/, { error: "must be a valid currency code" })
        .optional(),
      receivers: z
        .array(
          buildObject(
            {
              sendAmount: z.number().positive(),
              destination: z.string().min(1),
              tags: z.array(z.string()).optional(),
            },
            isStrict,
          ),
        )
        .min(1)
        .max(1000),
      requestedUserData: z.array(z.enum(REQUESTED_USER_DATA)).optional(),
      paymentMethods: z.array(z.enum(["onChain", "externalPaymentProcessor"])).optional(),
      redirectUrl: httpUrlSchema.optional(),
      notifications: buildObject(
        {
          webhook: buildObject({ webhookUrl: httpUrlSchema, customParameters: customParametersSchema.optional() }, isStrict).optional(),
          email: z.email().optional(),
        },
        isStrict,
      ).optional(),
      expirationType: z.enum(["never", "onPaymentCompleted", "limit"]).default("never"),
      totalUnits: z.number().int().positive().optional(),
      expirationInSeconds: z.number().int().positive().optional(),
      expiresAt: isoDateSchema.optional(),
      enabledAt: isoDateSchema.optional(),
      priceBeforeDiscount: z.number().nonnegative().optional(),
      shop: customParametersSchema.optional(),
    },
    isStrict,
  ).superRefine((body, context) => {
    if (body.instrumentCurrencyCode === "MNEE" && body.denominationCurrencyCode !== undefined) {
      // Unofficial (GenericCPU/handcash-mpp): MNEE is USD-pegged and Cloud refuses a separate denomination.
      context.addIssue({ code: "custom", path: ["denominationCurrencyCode"], message: "is not allowed" });
    }
    if (body.expirationType === "limit" && body.totalUnits === undefined) {
      context.addIssue({ code: "custom", path: ["totalUnits"], message: "is required" });
    }
  });
}
export type CreatePaymentRequestBody = z.infer<ReturnType<typeof buildCreatePaymentRequestBodySchema>>;

export function buildUpdatePaymentRequestBodySchema(isStrict: boolean) {
  return buildObject(
    {
      product: buildObject(
        {
          name: z.string().min(1).optional(),
          description: z.string().optional(),
          longDescription: z.string().optional(),
          imageUrl: z.string().optional(),
        },
        isStrict,
      ).optional(),
      redirectUrl: httpUrlSchema.optional(),
      notifications: buildObject(
        {
          webhook: buildObject(
            { webhookUrl: httpUrlSchema.optional(), customParameters: customParametersSchema.optional() },
            isStrict,
          ).optional(),
          email: z.email().optional(),
        },
        isStrict,
      ).optional(),
      expirationInSeconds: z.number().int().positive().optional(),
      expiresAt: isoDateSchema.optional(),
      decreaseRemainingUnits: z.number().int().positive().optional(),
      priceBeforeDiscount: z.number().nonnegative().nullable().optional(),
      shop: customParametersSchema.optional(),
    },
    isStrict,
  );
}
export type UpdatePaymentRequestBody = z.infer<ReturnType<typeof buildUpdatePaymentRequestBodySchema>>;

export const DELIVERY_MODES = ["normal", "lost", "delayed"] as const;
export type DeliveryMode = (typeof DELIVERY_MODES)[number];

export const payControlBodySchema = z.object({
  userId: z.string().min(1).optional(),
  email: z.string().min(1).max(254).optional(),
  delivery: z.enum(DELIVERY_MODES).default("normal"),
  delayMs: z.number().int().nonnegative().max(86_400_000).optional(),
});
export type PayControlBody = z.infer<typeof payControlBodySchema>;

export const deliveriesControlBodySchema = z.object({
  transactionId: z.string().min(1).max(128).optional(),
  copies: z.number().int().min(1).max(1000).default(1),
  appSecret: z.string().optional(),
  retry: z.boolean().default(true),
});
export type DeliveriesControlBody = z.infer<typeof deliveriesControlBodySchema>;

export const DELIVERY_STATES = ["pending", "delivered", "failed", "lost"] as const;
export type DeliveryState = (typeof DELIVERY_STATES)[number];

export const deliveriesQuerySchema = z.object({
  paymentRequestId: z.string().min(1).optional(),
  transactionId: z.string().min(1).optional(),
  state: z.enum(DELIVERY_STATES).optional(),
});

export const payFormSchema = z.object({
  userId: z.string().min(1),
  email: z.string().max(254).optional(),
});

/** Joi prints paths as `receivers[0].sendAmount` and the whole body as "value". */
function formatPath(path: readonly PropertyKey[]): string {
  let label = "";
  for (const segment of path) {
    if (typeof segment === "number") label += `[${segment}]`;
    else label += label === "" ? String(segment) : `.${String(segment)}`;
  }
  return label === "" ? "value" : label;
}

const TYPE_PHRASES: Record<string, string> = {
  string: "must be a string",
  number: "must be a number",
  int: "must be an integer",
  boolean: "must be a boolean",
  array: "must be an array",
  object: "must be of type object",
  record: "must be of type object",
};

/**
 * One Joi-style message for the first issue, e.g. `"product.name" is required`. Parse with
 * `{ reportInput: true }`: a missing key is the only issue without an `input`.
 */
export function formatValidationMessage(issues: readonly z.core.$ZodIssue[]): string {
  const issue = issues[0];
  if (!issue) return "Invalid request";
  const label = `"${formatPath(issue.path)}"`;
  switch (issue.code) {
    case "invalid_type":
      if (issue.input === undefined) return `${label} is required`;
      return `${label} ${TYPE_PHRASES[issue.expected] ?? `must be of type ${issue.expected}`}`;
    case "too_small":
      if (issue.origin === "array") return `${label} must contain at least ${issue.minimum} items`;
      if (issue.origin === "string") {
        return Number(issue.minimum) === 1
          ? `${label} is not allowed to be empty`
          : `${label} length must be at least ${issue.minimum} characters long`;
      }
      if (!issue.inclusive && Number(issue.minimum) === 0) return `${label} must be a positive number`;
      return `${label} must be ${issue.inclusive ? "greater than or equal to" : "greater than"} ${issue.minimum}`;
    case "too_big":
      if (issue.origin === "array") return `${label} must contain less than or equal to ${issue.maximum} items`;
      if (issue.origin === "string") return `${label} length must be less than or equal to ${issue.maximum} characters long`;
      return `${label} must be less than or equal to ${issue.maximum}`;
    case "invalid_value":
      return `${label} must be one of [${issue.values.map(String).join(", ")}]`;
    case "invalid_format":
      if (issue.format === "url") return `${label} must be a valid uri`;
      if (issue.format === "datetime") return `${label} must be in ISO 8601 date format`;
      if (issue.format === "email") return `${label} must be a valid email`;
      return `${label} ${issue.message}`;
    case "unrecognized_keys":
      return `"${formatPath([...issue.path, issue.keys[0] ?? ""])}" is not allowed`;
    default:
      return `${label} ${issue.message}`;
  }
}

export const outageControlBodySchema = z.object({
  /** The status every /v3 call answers during the outage (5xx or 429), or null to end it. */
  status: z.union([z.literal(429), z.number().int().min(500).max(599), z.null()]),
});
