// npm start: set up a fresh machine, build the engine and the app, serve it on localhost.
import { buildAll, run, setup } from './lib.mjs';

const port = process.env.PORT ?? '5173';
await setup();
await buildAll();
console.log(`\nllm-footprint is being served at http://localhost:${port}/  (Ctrl+C to stop)\n`);
await run('npx', ['vite', 'preview', '--port', port, '--strictPort', '--host', '127.0.0.1']);
