import { describe, expect, it } from "vitest";
import { formatPayer } from "@/components/admin/format";

describe("formatPayer (the order timeline's payer)", () => {
  it.each([
    ["alice@handcash.io", "alice@handcash.io", "alice@handcash.io"],
    ["alice@handcash.io", " Alice@HandCash.io ", "alice@handcash.io"],
    ["alice@handcash.io", "alice@example.com", "alice@handcash.io (alice@example.com)"],
    ["$alice", null, "$alice"],
    [null, "alice@example.com", "alice@example.com"],
    [null, null, null],
  ])("paymail %j and email %j → %j", (paymail, email, expected) => {
    expect(formatPayer(paymail, email)).toBe(expected);
  });
});
