import { render } from 'preact';

import { App } from './app.jsx';
import { coreFields } from './state/fields.js';
import { initStore } from './state/store.js';
import './styles.css';
import { featureFields } from './views.js';

initStore({ ...coreFields, ...featureFields });
render(<App />, document.getElementById('app'));
