// What the embed dialog says about the visitor's imported data (features/import): a file
// small enough travels inside the embed's link; a larger one cannot, and an embed of it
// would show no numbers on another site. Pure, tested in tests/web/fields.test.mjs.
import { MAX_LINK_CHARS } from '../data/imported.js';

/**
 * For the app state: null when the data are not imported; else the words of the data
 * option and a sentence, with `problem: true` when the file is too large for a link.
 */
export function importedNote(state) {
  if (state.dataset !== 'imported') return null;
  if (state.importedCsv)
    return {
      option: 'Your imported data (carried inside the embed’s link)',
      text: 'Your imported data travels inside the embed’s link, so the embed shows exactly this file.',
    };
  return {
    option: 'Your imported data (too large for a link: the embed would show no numbers)',
    text: `Your imported file is too large to travel in a link (more than ${MAX_LINK_CHARS.toLocaleString('en')} characters once encoded), so an embed cannot carry it: on another site it would show no numbers, only a message that its data are missing. Choose a published dataset to embed its numbers instead, or import a smaller file.`,
    problem: true,
  };
}
