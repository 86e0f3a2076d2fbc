import "server-only";

/** A session lasts at most this long after sign-in, however active the owner is. */
export const ADMIN_SESSION_MAX_AGE_MS = 12 * 60 * 60 * 1000;
/** …and ends sooner when unused for this long (the sliding part). */
export const ADMIN_SESSION_IDLE_MS = 2 * 60 * 60 * 1000;
/** The cookie is sent only to the admin, never to public pages or the API. */
export const ADMIN_SESSION_COOKIE_PATH = "/admin";
