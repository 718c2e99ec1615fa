// The glossary page: one plain sentence and a longer note per term, grouped by topic, with a
// filter box; the term in the link's #fragment is scrolled to and focused.
import { Fragment } from 'preact';
import { useEffect, useId, useState } from 'preact/hooks';

import { GlossaryLink, termAnchor } from '../../glossary/Term.jsx';
import { GROUPS, TERMS, getTerm } from '../../glossary/terms.js';
import '../../glossary/term.css';

/** Focuses the term named in location.hash (after the view has rendered). */
function focusHashTerm() {
  const id = decodeURIComponent(location.hash.slice(1));
  if (!id.startsWith('term-')) return;
  requestAnimationFrame(() => {
    const el = document.getElementById(id);
    if (!el) return;
    el.focus({ preventScroll: true });
    el.scrollIntoView({ block: 'start' });
  });
}

export default function Glossary() {
  const filterId = useId();
  const [filter, setFilter] = useState('');
  useEffect(() => {
    // After the app has moved the focus to <main> on navigation.
    const t = setTimeout(focusHashTerm, 0);
    const onShow = () => setTimeout(focusHashTerm, 0);
    addEventListener('llmfp:glossary', onShow);
    addEventListener('hashchange', onShow);
    return () => {
      clearTimeout(t);
      removeEventListener('llmfp:glossary', onShow);
      removeEventListener('hashchange', onShow);
    };
  }, []);
  const f = filter.trim().toLowerCase();
  const match = (t) => !f || `${t.term} ${t.short} ${t.long}`.toLowerCase().includes(f);
  const shown = TERMS.filter(match);
  return (
    <article class="glossary">
      <h1>Glossary</h1>
      <p class="lede">
        The words this site uses, each in one plain sentence and a longer note. Underlined terms elsewhere on the site
        open their sentence in place; “More in the glossary” leads here.
      </p>
      <div class="field">
        <label for={filterId}>Find a term</label>
        <input
          id={filterId}
          type="search"
          value={filter}
          onInput={(e) => setFilter(e.currentTarget.value)}
          aria-describedby={`${filterId}-count`}
          placeholder="e.g. water, GPU, token"
        />
        <small id={`${filterId}-count`} class="hint" aria-live="polite">
          {f ? `${shown.length} of ${TERMS.length} terms match` : `${TERMS.length} terms`}
        </small>
      </div>
      {GROUPS.map((g) => {
        const terms = shown.filter((t) => t.group === g.id);
        if (!terms.length) return null;
        return (
          <section key={g.id} aria-labelledby={`gl-${g.id}`}>
            <h2 id={`gl-${g.id}`}>{g.label}</h2>
            <dl class="glossary-list">
              {terms.map((t) => (
                <div key={t.id} class="glossary-entry">
                  <dt id={termAnchor(t.id)} tabIndex={-1}>
                    {t.term}
                  </dt>
                  <dd>
                    <p class="glossary-short">{t.short}</p>
                    <p>{t.long}</p>
                    {t.see?.length > 0 && (
                      <p class="muted">
                        See also:{' '}
                        {t.see
                          .filter((s) => getTerm(s))
                          .map((s, i) => (
                            <Fragment key={s}>
                              {i > 0 && ', '}
                              <GlossaryLink id={s}>{getTerm(s).term}</GlossaryLink>
                            </Fragment>
                          ))}
                      </p>
                    )}
                  </dd>
                </div>
              ))}
            </dl>
          </section>
        );
      })}
      {!shown.length && <p>No term matches “{filter}”. Clear the box to see them all.</p>}
    </article>
  );
}
