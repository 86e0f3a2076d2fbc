/** Checks an answer's shape: the value as the caller's type, or null when it does not fit. */
export type ResponseCheck<T> = (value: unknown) => T | null;

/** An error from our own JSON API, carrying the HTTP status and the server's message. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    message: string,
    readonly retryAfterSeconds: number | null = null,
  ) {
    super(message);
    this.name = "ApiError";
  }
}

async function toApiError(response: Response): Promise<ApiError> {
  let message = `Request failed (${response.status})`;
  try {
    const body = (await response.json()) as { error?: unknown };
    if (typeof body.error === "string") message = body.error;
  } catch {
    // Not JSON (a proxy error page, say): keep the generic message.
  }
  const retryAfter = Number(response.headers.get("retry-after"));
  return new ApiError(response.status, message, Number.isFinite(retryAfter) && retryAfter > 0 ? retryAfter : null);
}

/** Our API's answers are checked too: a proxy page or a changed shape fails loudly, not later. */
async function parseResponse<T>(response: Response, check: ResponseCheck<T>): Promise<T> {
  if (!response.ok) throw await toApiError(response);
  const parsed = check(await response.json().catch(() => undefined));
  if (parsed === null) throw new ApiError(response.status, "The server sent an unexpected answer. Please reload the page.");
  return parsed;
}

export async function getJson<T>(url: string, check: ResponseCheck<T>): Promise<T> {
  return parseResponse(await fetch(url, { headers: { accept: "application/json" }, cache: "no-store" }), check);
}

export async function postJson<T>(url: string, body: unknown, check: ResponseCheck<T>): Promise<T> {
  const response = await fetch(url, {
    method: "POST",
    headers: { accept: "application/json", "content-type": "application/json" },
    body: JSON.stringify(body),
  });
  return parseResponse(response, check);
}
