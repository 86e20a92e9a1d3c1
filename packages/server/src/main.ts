import { loadConfig } from './config.ts';
import { startDailyJobs } from './modules/notifications/jobs.ts';
import { prepare } from './server.ts';
import { DEMO_DOMAIN } from './seed/demo.ts';

const started = performance.now();

async function main(): Promise<void> {
  const config = loadConfig();
  const running = await prepare(config);
  const { app, deps, seed } = running;
  await app.listen({ port: config.port, host: config.host });
  // The daily notification jobs (digest, deadlines): in-process; job_runs keeps them once a day across processes.
  const stopJobs = config.dailyJobs ? startDailyJobs(deps, app.log) : async () => {};
  const ms = Math.round(performance.now() - started);
  const where = deps.database.kind === 'pglite' ? `embedded database in ${config.dataDir}` : 'PostgreSQL';
  console.log(`\nEidør is running at ${config.publicUrl} (${where}; ready in ${ms} ms)`);
  if (seed?.created) {
    console.log(`\nA demo municipality was created. Sign in as advisor@${DEMO_DOMAIN}, admin@${DEMO_DOMAIN},`);
    console.log(`settlement@, health@, grants@, leader@, nav@, school@, childwelfare@, adulted@, finance@ or auditor@${DEMO_DOMAIN}`);
    if (seed.generatedPassword) {
      console.log(`with the password  ${seed.password}  (shown only this once; set EIDOR_DEMO_PASSWORD to choose it).\n`);
    } else {
      console.log('with the password from EIDOR_DEMO_PASSWORD.\n');
    }
  }
  let closing = false;
  const stop = async (signal: string) => {
    if (closing) return;
    closing = true;
    app.log.info({ signal }, 'shutting down');
    await stopJobs();
    await running.close();
    process.exit(0);
  };
  process.on('SIGINT', () => void stop('SIGINT'));
  process.on('SIGTERM', () => void stop('SIGTERM'));
}

main().catch((err: unknown) => {
  console.error(`\nEidør could not start: ${err instanceof Error ? err.message : String(err)}\n`);
  process.exit(1);
});
