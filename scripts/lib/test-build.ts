/**
 * Where the test stacks (e2e, fault suite, benchmark) build and serve the app: not `.next`, which
 * `npm run dev` and `npm run build` use. next.config.js reads TOLLGATE_BUILD_DIR for both
 * `next build` and `next start`.
 */
export const TEST_BUILD_DIR = ".next-test";
export const TEST_BUILD_ENV = { TOLLGATE_BUILD_DIR: TEST_BUILD_DIR };
