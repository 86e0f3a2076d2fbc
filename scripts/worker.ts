/**
 * `npm run worker`: the reconciliation worker (server/jobs/worker.ts). `npm run dev` and
 * `npm start` start it beside the web server; run more copies on other machines if you like.
 */
import { loadDotEnvFile } from "./lib/local-stack.ts";

loadDotEnvFile();
const { startWorker } = await import("../server/jobs/worker.ts");
const runner = await startWorker();

let isStopping = false;
for (const signal of ["SIGINT", "SIGTERM"] as const) {
  process.on(signal, () => {
    if (isStopping) return;
    isStopping = true;
    void runner.stop().then(() => process.exit(0));
  });
}
await runner.promise;
