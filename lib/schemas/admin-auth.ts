import { z } from "zod";

/** The owner's session cookie: a random bearer token whose SHA-256 is kept in AdminSession. */
export const ADMIN_SESSION_COOKIE = "tg_admin";

export const ADMIN_LOGIN_PATH = "/admin/login";

/**
 * Where to go after signing in: only a path inside the admin, so a crafted `next` cannot send the
 * owner to another site ("//evil.example" and "/admin.evil" are refused).
 */
export function safeAdminReturnPath(next: string | null | undefined): string {
  if (!next || !/^\/admin(?:[/?#]|$)/.test(next) || next.startsWith(ADMIN_LOGIN_PATH) || /[\\\s]/.test(next)) return "/admin";
  return next;
}

export const loginFormSchema = z.object({
  email: z.string().trim().min(1, "Enter your email address.").max(320, "That email address is too long."),
  password: z.string().min(1, "Enter your password.").max(1024, "That password is too long."),
  next: z.string().max(2000).optional(),
});
export type LoginForm = z.infer<typeof loginFormSchema>;
