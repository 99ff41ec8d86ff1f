import { hashPassword, verifyPassword } from "../auth/passwords";
import type { DB } from "../db/database";
import type { User } from "../db/schema";
import type { Ctx } from "./context";
import { DomainError } from "./errors";
import { newId } from "./ids";

export interface NewAccount {
  name: string;
  email: string;
  password: string;
}

/** Hashing is slow on purpose: do it before opening the transaction that inserts. */
export async function prepareAccount(account: NewAccount, now = Date.now()): Promise<User> {
  return {
    id: newId(),
    name: account.name,
    email: account.email,
    password_hash: await hashPassword(account.password),
    locale: "fr",
    created_at: now,
  };
}

/**
 * The one answer to an account that cannot be created with these details, whatever the
 * reason: it must not tell a stranger that an address has an account here.
 */
export const accountNotCreated = () =>
  new DomainError(
    "conflict",
    "Impossible de créer un compte avec ces informations. Si vous avez déjà un compte Maillage, connectez-vous d'abord, puis rouvrez ce lien pour accepter.",
  );

/** The address is unique: of two accounts made at once with it, the second is refused. */
export async function insertAccount(db: DB, user: User) {
  const inserted = await db
    .insertInto("users")
    .values(user)
    .onConflict((oc) => oc.column("email").doNothing())
    .executeTakeFirst();
  if (inserted.numInsertedOrUpdatedRows !== 1n) throw accountNotCreated();
}

// Verifying against a fixed hash when the account is unknown keeps both cases equally slow,
// so response times do not reveal which emails have an account.
let decoyHash: Promise<string> | undefined;

export async function authenticate(
  { db }: Ctx,
  { email, password }: { email: string; password: string },
) {
  const user = await db
    .selectFrom("users")
    .selectAll()
    .where("email", "=", email)
    .executeTakeFirst();
  if (!user) {
    decoyHash ??= hashPassword("decoy password for unknown accounts");
    await verifyPassword(await decoyHash, password);
    return null;
  }
  return (await verifyPassword(user.password_hash, password)) ? user : null;
}

export const instanceHasUsers = async (db: DB) =>
  (await db.selectFrom("users").select("id").limit(1).executeTakeFirst()) !== undefined;
