// The URL fields of the two feature views an embed can show (My use, Trends): loaded only
// by an embed whose link needs them (embed/main.jsx), so an estimate embed stays small.
import myuse from '../features/myuse/index.js';
import trends from '../features/trends/index.js';

export const VIEW_FIELDS = { ...myuse.fields, ...trends.fields };
