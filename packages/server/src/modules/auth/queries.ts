import { eq } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import { municipalities, users } from '../../db/schema.ts';

export async function findUserByEmail(db: Db, email: string) {
  const rows = await db.select().from(users).where(eq(users.email, email)).limit(1);
  return rows[0];
}

export async function findUserById(db: Db, id: string) {
  const rows = await db.select().from(users).where(eq(users.id, id)).limit(1);
  return rows[0];
}

export async function findMunicipality(db: Db, id: string) {
  const rows = await db.select().from(municipalities).where(eq(municipalities.id, id)).limit(1);
  return rows[0];
}
