// Binds URL fields to controls: `const field = bindFields(fields, state, setState)`, then
// `<SpecField {...field('compareScale')} />` gives the control its spec (label, bounds,
// options), the current value and a change handler that writes the field by its state name.
// Pure (no DOM, no hooks), tested under Node in tests/web/fields.test.mjs.

/**
 * @param {Record<string, import('./url-state.js').FieldSpec>} fields the field set (names -> specs)
 * @param {Record<string, any>} state the state (by name)
 * @param {(patch: object, opts?: {replace?: boolean}) => void} setState
 * @returns {(name: string, opts?: {replace?: boolean, map?: (v: any) => any}) => {spec: object, name: string, value: any, onChange: (v: any) => void}}
 */
export function bindFields(fields, state, setState) {
  return (name, { replace, map = (v) => v } = {}) => {
    const spec = fields[name];
    if (!spec) throw new Error(`No URL field named "${name}"`);
    // Typing a number edits the current history entry; a choice adds one (Back undoes it).
    const opts = { replace: replace ?? spec.kind === 'number' };
    return { spec, name, value: state[name], onChange: (v) => setState({ [name]: map(v) }, opts) };
  };
}
