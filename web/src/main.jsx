import { render } from 'preact';

import { App } from './app.jsx';
import { registerServiceWorker } from './embed/register-sw.js';
import { engine } from './engine/engine.js';
import { coreFields } from './state/fields.js';
import { getState, initStore } from './state/store.js';
import './styles.css';
import { featureFields, views } from './views.js';
import { appRoot } from './prerender.js';

initStore({ ...coreFields, ...featureFields });
// Fetch the current view's code while the datasets load (the module is then cached).
(views.find((v) => v.id === getState().view) ?? views[0])?.load().catch(() => {});
// index.html holds the prerendered default estimate: the live app replaces it once ready.
const { root, done } = appRoot();
render(<App />, root);
done();
// The numbers of the default assumptions are precomputed (data/precomputed.js): start the
// engine worker when the page is idle, so the wasm is ready before a first change. A
// "version" request (answered by the core module) ends the "Loading the engine" status
// on views that ask the engine nothing themselves.
const warm = () => engine.request({ op: 'version' }).catch(() => {});
if ('requestIdleCallback' in window) requestIdleCallback(warm, { timeout: 3000 });
else setTimeout(warm, 1000);
// Offline use after one visit (web/src/sw.js); in production builds only.
registerServiceWorker();
