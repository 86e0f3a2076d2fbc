import "server-only";
import { AppError } from "@/server/errors";

export function slugTakenError(slug: string): AppError {
  return new AppError("CONFLICT", `Another product already uses the slug "${slug}".`, {
    details: { fieldErrors: { slug: ["Another product already uses this slug; choose a different one."] } },
  });
}
