// The engine requests of Infer hardware. The "attribute" op (lab module) does the
// statistics; the energy per query under each hardware hypothesis is one "estimate"
// request per hypothesis (core module, hardware override). The lab module cannot run
// estimates itself: asking "attribute" for them (its `footprint` member) made every row
// of that table an error in the browser (web/src/engine/modules.js routes each op).

/**
 * @param {{attributionScale: string, attributionDedupe: boolean}} state
 * @param {{entry: object, ref: string, hw: string, hypotheses: object[], dataUrl: (f: string) => string}} choice
 * @param {object} data useDatasets() value (footprint and refs), may be null
 * @returns {{attribute: object|null, estimates: {hardware: string, request: object}[]}}
 */
export function attributionRequests(state, { entry, ref, hw, hypotheses, dataUrl }, data) {
  if (!entry || !ref || !hw) return { attribute: null, estimates: [] };
  const attribute = {
    op: 'attribute',
    data: { $data: dataUrl(entry.file) },
    reference: { host: ref, hardware: hw },
    hypotheses: hypotheses.map(({ hardware, memory_bandwidth_tb_s }) => ({ hardware, memory_bandwidth_tb_s })),
    scale: state.attributionScale,
    dedupe: state.attributionDedupe,
  };
  const fpModel = data?.footprint?.models?.find((m) => m.model === entry.model);
  const refs = data?.refs ?? {};
  const estimates =
    fpModel && refs.hardware && refs.dataset
      ? hypotheses.map(({ hardware }) => ({
          hardware,
          request: {
            op: 'estimate',
            dataset: refs.dataset.$data ? { ...refs.dataset, models: [fpModel.model] } : refs.dataset,
            select: { models: [fpModel.model] },
            overrides: { hardware },
            hardware: refs.hardware,
            ...(refs.hosts ? { hosts: refs.hosts } : {}),
          },
        }))
      : [];
  return { attribute, estimates };
}

/** The energy table's rows from the estimate answers: [{hardware, prompts} | {hardware, error}]. */
export function energyRows(estimates, answers) {
  return estimates.map(({ hardware }, i) => {
    const a = answers[i];
    if (!a || a.loading) return { hardware, pending: true };
    if (a.error) return { hardware, error: 'could not be computed for this hardware' };
    return {
      hardware,
      prompts: (a.result?.rows ?? []).map((row) => ({
        prompt: row.prompt,
        output_tokens: row.output_tokens,
        energy_wh_mean: row.energy_wh.mean,
        water_ml_mean: row.water_ml.mean,
        carbon_g_mean: row.carbon_g.mean,
      })),
    };
  });
}
