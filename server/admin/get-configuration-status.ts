import "server-only";
import { DEV_ADMIN_PASSWORD, DEV_HANDCASH_APP_ID, DEV_HANDCASH_APP_SECRET, env, HANDCASH_CLOUD_API_BASE } from "@/server/env";
import { webhookUrl } from "@/server/urls";

export type CredentialState = "configured" | "development default" | "missing";

/**
 * What the settings page may show about the configuration: states and public values only. The
 * app secret and the password never leave this function, not even masked.
 */
export function getConfigurationStatus() {
  const isLive = env.HANDCASH_API_BASE === HANDCASH_CLOUD_API_BASE;
  return {
    webhookUrl: webhookUrl(),
    appUrl: env.APP_URL,
    mode: isLive ? { isLive: true as const, label: "Live (HandCash Cloud)" } : { isLive: false as const, label: `Emulator/test at ${env.HANDCASH_API_BASE}` },
    handcashAppId: credentialState(env.HANDCASH_APP_ID, DEV_HANDCASH_APP_ID),
    handcashAppSecret: credentialState(env.HANDCASH_APP_SECRET, DEV_HANDCASH_APP_SECRET),
    receiver: env.HANDCASH_RECEIVER,
    adminEmail: env.ADMIN_EMAIL,
    adminPassword: env.ADMIN_PASSWORD_HASH ? ("configured" as const) : credentialState(env.ADMIN_PASSWORD, DEV_ADMIN_PASSWORD),
    adminPasswordSource: env.ADMIN_PASSWORD_HASH ? "ADMIN_PASSWORD_HASH" : "ADMIN_PASSWORD",
    isSecureOrigin: env.isSecureOrigin,
  };
}

function credentialState(value: string | undefined, developmentDefault: string): CredentialState {
  if (!value) return "missing";
  return value === developmentDefault ? "development default" : "configured";
}
