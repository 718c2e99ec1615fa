// <Term id="pue">PUE</Term>: a glossary term inline in the text. The term is a button (a
// disclosure: aria-expanded, aria-controls) that shows its one-sentence definition right
// after it, with a link to the term on the glossary page; Escape closes it and returns the
// focus to the term. Works in labels and legends (a button inside a <label> does not
// activate the labelled control). The glossary's text (terms.js) loads on the first open,
// so a page with terms costs no more than its buttons; tests/web/learn.test.mjs checks
// that every id used in the code exists.
import { useId, useState } from 'preact/hooks';

import { encode } from '../state/url-state.js';
import { getFields, getState, setState } from '../state/store.js';
import './term.css';

/** The anchor of a term on the glossary page. */
export const termAnchor = (id) => `term-${id}`;

let terms = null;
const loadTerms = () => (terms ??= import('./terms.js'));

/** The URL of a term on the glossary page, keeping every other setting. */
export function glossaryHref(id) {
  return `?${encode({ ...getState(), view: 'glossary' }, getFields())}#${termAnchor(id)}`;
}

/** Opens the glossary page at a term (same-tab navigation, history entry, focus on the term). */
export function openGlossary(id) {
  setState({ view: 'glossary' });
  history.replaceState(null, '', `${location.search}#${termAnchor(id)}`);
  dispatchEvent(new CustomEvent('llmfp:glossary', { detail: id }));
}

/** A link to a term on the glossary page (no disclosure). */
export function GlossaryLink({ id, children }) {
  return (
    <a
      href={glossaryHref(id)}
      data-term-link={id}
      onClick={(e) => {
        if (e.ctrlKey || e.metaKey || e.shiftKey || e.button !== 0) return;
        e.preventDefault();
        openGlossary(id);
      }}
    >
      {children}
    </a>
  );
}

export function Term({ id, children }) {
  const uid = useId();
  const [open, setOpen] = useState(false);
  const [term, setTerm] = useState(null);
  const defId = `${uid}-def`;
  const toggle = () => {
    if (!open && !term)
      loadTerms().then(
        (m) => setTerm(m.getTerm(id) ?? { term: id, short: 'This word is not in the glossary yet.' }),
        () => setTerm({ term: id, short: 'The glossary could not be loaded; reload the page to try again.' }),
      );
    setOpen(!open);
  };
  const onKeyDown = (e) => {
    if (e.key === 'Escape' && open) {
      e.stopPropagation();
      setOpen(false);
      e.currentTarget.querySelector('button')?.focus();
    }
  };
  return (
    <span class={`term${open ? ' open' : ''}`} data-term={id} onKeyDown={onKeyDown}>
      <button
        type="button"
        class="term-button"
        aria-expanded={open ? 'true' : 'false'}
        aria-controls={defId}
        onClick={(e) => {
          e.preventDefault();
          toggle();
        }}
      >
        {children}
      </button>
      <span id={defId} class="term-def" hidden={!open}>
        {open &&
          (term ? (
            <>
              <strong>{term.term}:</strong> {term.short} <GlossaryLink id={id}>More in the glossary</GlossaryLink>
            </>
          ) : (
            '…'
          ))}
      </span>
    </span>
  );
}
