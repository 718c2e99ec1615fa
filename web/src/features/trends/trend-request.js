// The trend request of the Trends view and helpers to read its result (docs/trends.md).

/** The selected model file names (at most three, known to the index, no repeats). */
export function selectedModels(state, index) {
  const known = new Set((index?.models ?? []).map((m) => m.name));
  const names = (state.trendModels ?? '').split(',').filter((n) => known.has(n));
  return [...new Set(names)].slice(0, 3);
}

/** {request} for the engine, or {error} naming the field in words. */
export function trendRequest(state, index, fileUrl) {
  const names = selectedModels(state, index);
  if (!names.length) return { error: 'Choose at least one model.' };
  const from = state.trendFrom || index.from;
  const to = state.trendTo || index.to;
  if (from > to) return { error: `The start date (${from}) is after the end date (${to}): swap them or change one.` };
  return {
    request: {
      op: 'trend',
      dataset: names.map((n) => ({ $data: fileUrl(n) })),
      select: { prompts: [state.trendPrompt] },
      from,
      to,
      method: { estimator: state.trendEstimator },
    },
  };
}

/** Rows of one model of the result, in date order. */
export const rowsOf = (result, model) => (result?.rows ?? []).filter((r) => r.model === model);

/** Day number (days since 1970-01-01) of an ISO date. */
export const dayOf = (date) => Date.parse(`${date}T00:00:00Z`) / 864e5;
