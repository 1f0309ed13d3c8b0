/**
 * `npm run dev`: the API server on :3000, restarted on every change (tsx watch), and Vite's dev server
 * on :5173 with hot reload, which proxies /api to the server. Open http://localhost:5173. Ctrl-C stops both.
 */
import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { createServer } from 'vite';

const root = new URL('..', import.meta.url).pathname;
// PORT and WEB_PORT move the two servers when something else already listens on 3000 or 5173.
const apiPort = Number(process.env.PORT ?? 3000);
const webPort = Number(process.env.WEB_PORT ?? 5173);
const apiTarget = `http://127.0.0.1:${apiPort}`;

const api = spawn(
  join(root, 'node_modules', '.bin', 'tsx'),
  ['watch', '--clear-screen=false', 'src/server/main.ts'],
  {
    cwd: root,
    stdio: 'inherit',
    env: {
      ...process.env,
      PORT: String(apiPort),
      // Links in emails should open the page you are looking at: the Vite server.
      PUBLIC_URL: process.env.PUBLIC_URL ?? `http://localhost:${webPort}`,
    },
  },
);

const vite = await createServer({
  configFile: join(root, 'vite.config.ts'),
  server: { port: webPort, strictPort: true, proxy: { '/api': apiTarget, '/healthz': apiTarget } },
});
await vite.listen();
vite.printUrls();
console.log(`[dev] API on ${apiTarget} (restarts on change); open http://localhost:${webPort}`);

let stopping = false;
async function stop(code: number): Promise<void> {
  if (stopping) return;
  stopping = true;
  if (api.exitCode === null) api.kill('SIGTERM');
  await vite.close();
  process.exit(code);
}

process.on('SIGINT', () => void stop(0));
process.on('SIGTERM', () => void stop(0));
// If the API process ends on its own (it crashed or could not start), do not leave Vite running alone.
api.on('exit', (code) => void stop(code ?? 1));
