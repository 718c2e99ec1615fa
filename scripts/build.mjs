// npm run build: the wasm engine (build/wasm/dist) and the static app (dist/).
import { buildAll, setup } from './lib.mjs';

await setup();
await buildAll();
console.log('build: dist/ is ready (serve it from any static host)');
