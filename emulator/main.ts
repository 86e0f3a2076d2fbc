import { type EmulatorConfig, EmulatorConfigError, readEmulatorConfig } from "./config";
import { createEmulatorServer } from "./server";

/** `npm run emulator`: the HandCash Cloud emulator as its own process, configured by EMULATOR_* variables. */

function logLine(line: string): void {
  process.stdout.write(`[handcash-emulator] ${line}\n`);
}

async function startEmulator(): Promise<void> {
  let config: EmulatorConfig;
  try {
    config = readEmulatorConfig(process.env);
  } catch (error) {
    if (error instanceof EmulatorConfigError) {
      process.stderr.write(`${error.message}\n`);
      process.exit(1);
    }
    throw error;
  }

  const emulator = createEmulatorServer(config, { log: logLine });
  let baseUrl: string;
  try {
    baseUrl = await emulator.listen();
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    const hint = code === "EADDRINUSE" ? ` (port ${config.port} is taken; is another emulator running? set EMULATOR_PORT)` : "";
    process.stderr.write(`HandCash emulator could not start: ${(error as Error).message}${hint}\n`);
    process.exit(1);
  }
  process.stdout.write(`HandCash emulator listening on ${baseUrl}\n`);

  let isStopping = false;
  const stop = (signal: NodeJS.Signals) => {
    if (isStopping) return;
    isStopping = true;
    logLine(`${signal} received, shutting down`);
    emulator.close().then(
      () => process.exit(0),
      (error: unknown) => {
        process.stderr.write(`HandCash emulator did not close cleanly: ${String(error)}\n`);
        process.exit(1);
      },
    );
  };
  process.on("SIGINT", stop);
  process.on("SIGTERM", stop);
}

await startEmulator();
