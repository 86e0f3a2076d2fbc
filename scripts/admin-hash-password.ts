/**
 * Prints an ADMIN_PASSWORD_HASH for a password, so production can hold the hash instead of the
 * password. The password is read from the first argument, or from standard input (one line,
 * not echoed when typed at a terminal), which keeps it out of the shell history:
 *
 *   npm run admin:hash-password                      # prompts
 *   printf '%s' "$PASSWORD" | npm run admin:hash-password
 */
import readline from "node:readline";
import { hashPassword } from "../server/admin/hash-password.ts";

const MIN_LENGTH = 12;

async function readPassword(): Promise<string> {
  const fromArgument = process.argv[2];
  if (fromArgument !== undefined) return fromArgument;
  if (!process.stdin.isTTY) {
    const chunks: Buffer[] = [];
    for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
    return Buffer.concat(chunks)
      .toString("utf8")
      .replace(/\r?\n$/, "");
  }
  const prompt = readline.createInterface({ input: process.stdin, output: process.stdout, terminal: true });
  // Replace what readline would echo with nothing, so the password never appears on screen.
  (prompt as unknown as { _writeToOutput: (text: string) => void })._writeToOutput = (text) => {
    if (text.includes("Password")) process.stdout.write(text);
  };
  const password = await new Promise<string>((resolve) => prompt.question("Password for the admin (not shown): ", resolve));
  prompt.close();
  process.stdout.write("\n");
  return password;
}

const password = await readPassword();
if (password.length < MIN_LENGTH) {
  console.error(`The password must be at least ${MIN_LENGTH} characters.`);
  process.exit(1);
}
console.log(await hashPassword({ password }));
