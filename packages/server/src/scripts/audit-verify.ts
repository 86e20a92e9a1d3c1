// npm run audit:verify — recomputes every municipality's audit hash chain and names the first
// row that was changed, removed or inserted. Exit code 1 when a chain is broken.
import { loadConfig } from '../config.ts';
import { sealAllOf, verifyAuditChain } from '../platform/audit.ts';
import { openDatabase } from '../server.ts';

const config = loadConfig();
const database = await openDatabase(config);
let broken = 0;
try {
  const ms = await database.query<{ id: string; number: string; name: string }>('SELECT id, number, name FROM municipalities ORDER BY number');
  for (const m of ms) {
    // Rows committed but not yet chained (the app seals them moments after their commit; a process
    // that stopped in between leaves some) are chained first, then the whole chain is checked.
    await sealAllOf(database, m.id);
    const r = await verifyAuditChain(database.query, m.id);
    if (r.ok) console.log(`${m.number} ${m.name}: ok, ${r.checked} rows`);
    else {
      broken++;
      console.log(`${m.number} ${m.name}: BROKEN at row seq=${r.firstBrokenSeq} (${r.reason}); ${r.checked} rows before it are intact`);
    }
  }
} finally {
  await database.close();
}
process.exit(broken > 0 ? 1 : 0);
