import { z } from "zod";
import {
  DENOMINATION_CURRENCY_CODES,
  HANDCASH_URL_PATTERN,
  MAX_RECEIVERS,
  OBJECT_ID_PATTERN,
  PRODUCT_LIMITS,
  RECEIVER_TAG_PATTERN,
} from "./handcash-spec-rules";

/**
 * Request bodies the emulator accepts, following HandCash's OpenAPI spec for v3 payment
 * requests (contract §1.3, §1.5) plus the control API. Issues are turned into Joi-style
 * messages by formatValidationMessage, because that is what Cloud answers with.
 */

const REQUESTED_USER_DATA = ["paymail", "email", "phoneNumber"] as const;
export type RequestedUserDataField = (typeof REQUESTED_USER_DATA)[number];

const handcashUrlSchema = z.string().regex(HANDCASH_URL_PATTERN, { error: "must be a valid uri" });
const isoDateSchema = z.iso.datetime({ offset: true });
/**
 * The spec gives `customParameters` no properties and `additionalProperties: false`, which would
 * allow only `{}`; HandCash's docs and every official example send keys and get them echoed in the
 * webhook, so keys are accepted (the one place the emulator follows the docs over the spec).
 */
const customParametersSchema = z.record(z.string(), z.unknown());
const shopSchema = (isStrict: boolean) =>
  buildObject(
    {
      collectionId: z.string().regex(OBJECT_ID_PATTERN, { error: "must be a valid MongoDB ObjectId" }),
      packOrder: z.number(),
      collectionOrder: z.number().default(1),
    },
    isStrict,
  );

/** Cloud refuses unknown keys (the spec's `additionalProperties: false`); EMULATOR_STRICT_VALIDATION=0 turns that off for experiments. */
function buildObject<Shape extends z.ZodRawShape>(shape: Shape, isStrict: boolean) {
  return isStrict ? z.strictObject(shape) : z.object(shape);
}

function buildProductSchema(isStrict: boolean) {
  return buildObject(
    {
      name: z.string().min(1).max(PRODUCT_LIMITS.name),
      description: z.string().max(PRODUCT_LIMITS.description).optional(),
      longDescription: z.string().max(PRODUCT_LIMITS.longDescription).optional(),
      imageUrl: z.string().max(PRODUCT_LIMITS.imageUrl).optional(),
    },
    isStrict,
  );
}

export function buildCreatePaymentRequestBodySchema(isStrict: boolean) {
  return buildObject(
    {
      product: buildProductSchema(isStrict),
      instrumentCurrencyCode: z.enum(["BSV", "MNEE"]),
      denominationCurrencyCode: z.enum(DENOMINATION_CURRENCY_CODES).optional(),
      receivers: z
        .array(
          buildObject(
            {
              sendAmount: z.number().positive(),
              destination: z.string().min(1),
              tags: z.array(z.string().regex(RECEIVER_TAG_PATTERN, { error: "must be 3-25 letters, digits, spaces, '.', '-' or '_'" })).optional(),
            },
            isStrict,
          ),
        )
        .min(1)
        .max(MAX_RECEIVERS),
      requestedUserData: z.array(z.enum(REQUESTED_USER_DATA)).optional(),
      paymentMethods: z.array(z.enum(["onChain", "externalPaymentProcessor"])).optional(),
      redirectUrl: handcashUrlSchema.optional(),
      notifications: buildObject(
        {
          webhook: buildObject({ webhookUrl: handcashUrlSchema, customParameters: customParametersSchema.optional() }, isStrict).optional(),
          email: z.email().optional(),
        },
        isStrict,
      ).optional(),
      // A plain string in the spec; HandCash's docs name these three and the emulator needs to know which it is.
      expirationType: z.enum(["never", "onPaymentCompleted", "limit"]).default("never"),
      totalUnits: z.number().positive().optional(),
      expirationInSeconds: z.number().int().positive().optional(),
      expiresAt: isoDateSchema.optional(),
      enabledAt: isoDateSchema.optional(),
      priceBeforeDiscount: z.number().min(0.01).optional(),
      shop: shopSchema(isStrict).optional(),
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
      /**
       * The spec lists `id` as required in this body without declaring it, so no body could pass both
       * rules; the generated SDK leaves it out. Accepted when it repeats the path's id, never required.
       */
      id: z.string().optional(),
      product: buildProductSchema(isStrict).partial().optional(),
      redirectUrl: handcashUrlSchema.optional(),
      notifications: buildObject(
        {
          webhook: buildObject({ webhookUrl: handcashUrlSchema.optional(), customParameters: customParametersSchema.optional() }, isStrict).optional(),
          email: z.email().optional(),
        },
        isStrict,
      ).optional(),
      expirationInSeconds: z.number().int().positive().optional(),
      expiresAt: isoDateSchema.optional(),
      decreaseRemainingUnits: z.number().int().min(1).optional(),
      priceBeforeDiscount: z.number().min(0.01).nullable().optional(),
      shop: shopSchema(isStrict).optional(),
    },
    isStrict,
  );
}
export type UpdatePaymentRequestBody = z.infer<ReturnType<typeof buildUpdatePaymentRequestBodySchema>>;

/** Every `{id}` in HandCash's payment-request paths; Cloud answers anything else with a 400. */
export const paymentRequestIdSchema = z.string().regex(OBJECT_ID_PATTERN, { error: "must be a valid MongoDB ObjectId" });

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
        return Number(issue.minimum) === 1 ? `${label} is not allowed to be empty` : `${label} length must be at least ${issue.minimum} characters long`;
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
  /** The status every /v3 call answers during the outage (a 4xx other than 404, 429, or 5xx), or null to end it. */
  status: z.union([z.number().int().min(400).max(403), z.number().int().min(405).max(499), z.number().int().min(500).max(599), z.null()]),
  /** Sent as Retry-After with each outage answer, as HandCash may with a 429 or 503. */
  retryAfterSeconds: z.number().int().min(0).max(86_400).optional(),
  /** The outage ends by itself after this many answers. */
  count: z.number().int().min(1).max(1000).optional(),
  /** A create call is carried out before it is answered with the status: the answer HandCash never got back to the app. */
  isAfterCreating: z.boolean().default(false),
});
export type OutageControlBody = z.infer<typeof outageControlBodySchema>;

/** Which of the public view's optional fields to leave out (HandCash's spec makes both optional). */
export const publicViewControlBodySchema = z.strictObject({
  transactionId: z.boolean().default(false),
  paymentsCount: z.boolean().default(false),
});
