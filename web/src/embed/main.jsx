// Entry of embed.html: reads the URL once (the same versioned state as the app, minus the
// embed id `eid`), renders the embed view and registers the service worker.
import { render } from 'preact';

import { coreFields } from '../state/fields.js';
import { decode } from '../state/url-state.js';
import '../styles.css';
import { featureFields } from '../views.js';
import { Embed } from './Embed.jsx';
import './embed.css';
import { EMBED_ID } from './links.js';
import { registerServiceWorker } from './register-sw.js';

const fields = { ...coreFields, ...featureFields };
const params = new URLSearchParams(location.search);
const id = (params.get(EMBED_ID) ?? '').slice(0, 64);
params.delete(EMBED_ID);
const { state, notices } = decode(params, fields);

const root = document.getElementById('embed');
root.textContent = '';
render(<Embed state={state} fields={fields} notices={notices} id={id} />, root);
registerServiceWorker();
