import { parseArgs } from "node:util";
import { createControlClient, HcError } from "./hc/control-client";
import { isScenarioName, SCENARIOS } from "./hc/scenarios";

/**
 * `npm run hc -- <scenario> [id|orderId…] [--copies N] [--delay ms] [--emulator URL]`:
 * triggers webhook scenarios against a running emulator, for trying the app by hand.
 */

const DEFAULT_EMULATOR_URL = "http://127.0.0.1:4010";

function buildUsage(): string {
  const width = Math.max(...Object.keys(SCENARIOS).map((name) => name.length));
  const scenarios = Object.entries(SCENARIOS)
    .map(([name, scenario]) => `  ${name.padEnd(width)}  ${scenario.summary}`)
    .join("\n");
  return `Usage: npm run hc -- <scenario> [paymentRequestId|orderId ...] [--copies N] [--delay ms] [--emulator URL]

Without an id, the newest pending payment request is used (out-of-order: up to 3 of them).
The emulator URL defaults to $EMULATOR_URL, then ${DEFAULT_EMULATOR_URL}.

Scenarios:
${scenarios}`;
}

function parseWholeNumber(name: string, value: string | undefined, range: { min: number; max: number }): number | null {
  if (value === undefined) return null;
  const number = Number(value);
  if (value.trim() === "" || !Number.isInteger(number) || number < range.min || number > range.max) {
    throw new HcError(`--${name} must be a whole number from ${range.min} to ${range.max}, got "${value}"`);
  }
  return number;
}

async function runHc(argv: string[]): Promise<void> {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: {
      copies: { type: "string" },
      delay: { type: "string" },
      emulator: { type: "string" },
      help: { type: "boolean", short: "h" },
    },
  });
  const [scenarioName, ...targets] = positionals;
  if (values.help || !scenarioName) {
    process.stdout.write(`${buildUsage()}\n`);
    if (!values.help) process.exitCode = 1;
    return;
  }
  if (!isScenarioName(scenarioName)) {
    process.stderr.write(`Unknown scenario "${scenarioName}".\n\n${buildUsage()}\n`);
    process.exitCode = 1;
    return;
  }
  const copies = parseWholeNumber("copies", values.copies, { min: 1, max: 1000 });
  const delayMs = parseWholeNumber("delay", values.delay, { min: 0, max: 86_400_000 });
  const baseUrl = (values.emulator ?? process.env.EMULATOR_URL ?? DEFAULT_EMULATOR_URL).replace(/\/+$/, "");
  await SCENARIOS[scenarioName].run({
    client: createControlClient(baseUrl),
    targets,
    copies,
    delayMs,
    print: (line) => process.stdout.write(`${line}\n`),
  });
}

try {
  await runHc(process.argv.slice(2));
} catch (error) {
  // parseArgs reports unknown flags with a TypeError carrying an ERR_PARSE_ARGS_* code.
  const isUsageError = (error as NodeJS.ErrnoException).code?.startsWith("ERR_PARSE_ARGS") ?? false;
  if (error instanceof HcError || isUsageError) {
    process.stderr.write(`hc: ${(error as Error).message}\n`);
    if (isUsageError) process.stderr.write(`\n${buildUsage()}\n`);
    process.exitCode = 1;
  } else {
    throw error;
  }
}
