/** Ports and URLs of the stack Playwright starts (scripts/e2e-stack.ts). */
export const E2E_APP_PORT = 3100;
export const E2E_EMULATOR_PORT = 4110;
export const E2E_APP_URL = `http://localhost:${E2E_APP_PORT}`;
export const E2E_EMULATOR_URL = `http://localhost:${E2E_EMULATOR_PORT}`;
