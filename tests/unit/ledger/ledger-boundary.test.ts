import fs from "node:fs";
import path from "node:path";
import ts from "typescript";
import { describe, expect, it } from "vitest";

// server/ledger is the only writer of the money path's tables (docs/architecture.md). This reads
// every source file of the app, its scripts and its seed, and lists each write to those tables
// made anywhere else: a Prisma write method on one of their delegates, a raw SQL write naming
// one of them, or a call of one of the SQL functions that write them.

const LEDGER_MODELS = new Set(["order", "payment", "entitlement", "orderEvent", "webhookEvent"]);
const LEDGER_TABLES = ["Order", "Payment", "Entitlement", "OrderEvent", "WebhookEvent"];
const WRITE_METHODS = new Set(["create", "createMany", "createManyAndReturn", "update", "updateMany", "updateManyAndReturn", "upsert", "delete", "deleteMany"]);
const RAW_WRITE = new RegExp(`\\b(INSERT\\s+INTO|UPDATE|DELETE\\s+FROM)\\s+"(${LEDGER_TABLES.join("|")})"`, "i");
const SQL_FUNCTION_CALL = /\btollgate_[a-z_]+\s*\(/;

const ROOT = path.resolve(import.meta.dirname, "../../..");
const SCANNED = ["app", "server", "lib", "components", "scripts", "prisma", "emulator", "proxy.ts", "instrumentation.ts"];
const LEDGER_DIR = path.join(ROOT, "server/ledger");

function sourceFiles(entry: string): string[] {
  const full = path.join(ROOT, entry);
  if (!fs.existsSync(full)) return [];
  if (fs.statSync(full).isFile()) return /\.tsx?$/.test(full) ? [full] : [];
  return fs.readdirSync(full).flatMap((name) => sourceFiles(path.join(entry, name)));
}

function findLedgerWrites(file: string): string[] {
  const text = fs.readFileSync(file, "utf8");
  const source = ts.createSourceFile(file, text, ts.ScriptTarget.Latest, true, file.endsWith(".tsx") ? ts.ScriptKind.TSX : ts.ScriptKind.TS);
  const found: string[] = [];
  const where = (node: ts.Node) => `${path.relative(ROOT, file)}:${source.getLineAndCharacterOfPosition(node.getStart()).line + 1}`;
  const visit = (node: ts.Node) => {
    if (ts.isCallExpression(node) && ts.isPropertyAccessExpression(node.expression)) {
      const method = node.expression.name.text;
      const delegate = node.expression.expression;
      if (WRITE_METHODS.has(method) && ts.isPropertyAccessExpression(delegate) && LEDGER_MODELS.has(delegate.name.text)) {
        found.push(`${where(node)} ${delegate.name.text}.${method}()`);
      }
    }
    if (
      ts.isStringLiteral(node) ||
      ts.isNoSubstitutionTemplateLiteral(node) ||
      ts.isTemplateHead(node) ||
      ts.isTemplateMiddle(node) ||
      ts.isTemplateTail(node)
    ) {
      if (RAW_WRITE.test(node.text) || SQL_FUNCTION_CALL.test(node.text)) found.push(`${where(node)} SQL: ${node.text.trim().slice(0, 60)}`);
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return found;
}

describe("the ledger boundary", () => {
  it("leaves no write to Order, Payment, Entitlement, OrderEvent or WebhookEvent outside server/ledger", () => {
    const files = SCANNED.flatMap(sourceFiles).filter((file) => !file.startsWith(LEDGER_DIR + path.sep));
    expect(files.length).toBeGreaterThan(100);
    expect(files.flatMap(findLedgerWrites)).toEqual([]);
  });

  it("sees the writes the ledger itself makes, so the check above is not blind", () => {
    const writes = sourceFiles("server/ledger").flatMap(findLedgerWrites);
    expect(writes.some((write) => write.includes("order.create()"))).toBe(true);
    expect(writes.some((write) => write.includes("entitlement.delete()"))).toBe(true);
    expect(writes.some((write) => write.includes("SQL: SELECT tollgate_expire_order("))).toBe(true);
  });
});
