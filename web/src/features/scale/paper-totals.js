// Equivalences of the paper's own published totals (GPT-4o case study), from the constants
// dataset: e.g. 391,509 MWh / 10.791 MWh per household = 36,281 households. Kept apart from
// the engine's scenario so the paper's text can be checked against its own numbers.

/** Converts an amount in the case study's units (MWh, kL, t) into the constant's unit and divides. */
export function equivalentCount(amount, metric, constant) {
  const unit = (constant.unit ?? '').split('/')[0].trim();
  const factor = {
    energy: { MWh: 1, kWh: 1000, Wh: 1e6 },
    water: { kL: 1, L: 1000, mL: 1e6 },
    carbon: { t: 1, 't CO2': 1, kg: 1000, 'kg CO2': 1000, g: 1e6 },
  }[metric]?.[unit];
  return factor === undefined ? NaN : (amount * factor) / constant.value;
}

/**
 * Rows for the paper's low/high totals: [{metric, id, label, low, high}].
 * @param {object} constants the constants dataset (equivalences + case_study)
 */
export function paperEquivalences(constants) {
  const cs = constants?.case_study;
  if (!cs) return [];
  const totals = { energy: cs.annual_energy_mwh, water: cs.annual_water_kl, carbon: cs.annual_carbon_t };
  return (constants.equivalences ?? [])
    .filter((c) => totals[c.applies_to] && /year/.test(c.unit))
    .map((c) => {
      const t = totals[c.applies_to];
      return {
        metric: c.applies_to,
        id: c.id,
        label: c.label,
        low: equivalentCount(t.low, c.applies_to, c),
        high: equivalentCount(t.high, c.applies_to, c),
      };
    })
    .filter((r) => Number.isFinite(r.low));
}
