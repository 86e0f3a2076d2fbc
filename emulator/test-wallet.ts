/**
 * The pretend HandCash users who can pay in the emulator. Their ids are fixed so webhook
 * payloads (userData.id) are reproducible across restarts and test runs.
 */

export interface TestUser {
  id: string;
  handle: string;
  displayName: string;
  paymail: string;
  email: string;
  phoneNumber: string;
}

export const TEST_USERS: readonly TestUser[] = [
  {
    id: "65f0a1b2c3d4e5f6a7b8c901",
    handle: "alice",
    displayName: "Alice",
    paymail: "alice@handcash.io",
    email: "alice@handcash.io",
    phoneNumber: "+15550100001",
  },
  {
    id: "65f0a1b2c3d4e5f6a7b8c902",
    handle: "bob",
    displayName: "Bob",
    paymail: "bob@handcash.io",
    email: "bob@handcash.io",
    phoneNumber: "+15550100002",
  },
  {
    id: "65f0a1b2c3d4e5f6a7b8c903",
    handle: "carol",
    displayName: "Carol",
    paymail: "carol@handcash.io",
    email: "carol@handcash.io",
    phoneNumber: "+15550100003",
  },
];

export const DEFAULT_TEST_USER: TestUser = TEST_USERS[0] as TestUser;

/** Accepts a user id or a handle (with or without the leading `$`). */
export function findTestUser(idOrHandle: string): TestUser | null {
  const wanted = idOrHandle.trim().replace(/^\$/, "").toLowerCase();
  return TEST_USERS.find((user) => user.id === wanted || user.handle === wanted) ?? null;
}
