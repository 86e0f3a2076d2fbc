/**
 * A launcher like `npm run dev`, for terminal-signal.test.ts: one child that reports the signal
 * that reached it, and a cleanup (where dev stops the embedded PostgreSQL) that reports when it ran.
 */
import { detachFromTerminal, onShutdown, startChild, stopOnSignals } from "../../../scripts/lib/processes.ts";

await detachFromTerminal();
stopOnSignals();
const childScript = `
for (const signal of ["SIGINT", "SIGTERM"]) process.on(signal, () => { console.log("got " + signal); process.exit(0); });
console.log("ready");
setInterval(() => {}, 1000);
`;
startChild("child", process.execPath, ["-e", childScript], process.env);
onShutdown(async () => console.log("cleanup ran after the children stopped"));
