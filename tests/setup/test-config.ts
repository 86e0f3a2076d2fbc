/** Configuration every test process shares: fixed test credentials, never the dev ones. */
export const TEST_HANDCASH_APP_ID = "tollgate-test-app-id";
export const TEST_HANDCASH_APP_SECRET = "tollgate-test-secret-5f1c2a9e7d3b";
export const TEST_APP_URL = "http://localhost:3999";
export const TEST_RECEIVER = "$tollgate-test";

export function testEnv(extra: Record<string, string>): Record<string, string> {
  return {
    NODE_ENV: "test",
    HANDCASH_APP_ID: TEST_HANDCASH_APP_ID,
    HANDCASH_APP_SECRET: TEST_HANDCASH_APP_SECRET,
    HANDCASH_RECEIVER: TEST_RECEIVER,
    APP_URL: TEST_APP_URL,
    ADMIN_EMAIL: TEST_ADMIN_EMAIL,
    ADMIN_PASSWORD: TEST_ADMIN_PASSWORD,
    LOG_LEVEL: "silent",
    ...extra,
  };
}

export const TEST_ADMIN_EMAIL = "owner@tollgate.test";
export const TEST_ADMIN_PASSWORD = "test-owner-password-7c1d";
