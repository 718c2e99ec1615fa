import { render } from 'preact';

import { App } from './app.jsx';
import { registerServiceWorker } from './embed/register-sw.js';
import { engine } from './engine/engine.js';
import { coreFields } from './state/fields.js';
import { getState, initStore } from './state/store.js';
import './styles.css';
import { featureFields, views } from './views.js';

initStore({ ...coreFields, ...featureFields });
// Fetch the current view's code while the datasets load (the module is then cached).
(views.find((v) => v.id === getState().view) ?? views[0])?.load().catch(() => {});
render(<App />, document.getElementById('app'));
// Start the engine worker right after the first render, so the wasm compiles while the
// datasets load; the page never waits for it.
setTimeout(() => engine.start(), 0);
// Offline use after one visit (web/src/sw.js); in production builds only.
registerServiceWorker();
