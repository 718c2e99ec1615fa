// The headline of My use: one use and a period of use of the first model, in sentences
// (two significant figures, units that scale). Shared by the view and its embed.
import { count } from '../../lib/format.js';
import { yearOf } from './myuse.js';
import { amount, sig2 } from './units.js';

export function Headline({ row, preset, perDay, days }) {
  if (!row) return null;
  const y = yearOf(row, perDay, days);
  const period = days === 365 ? 'a year' : days === 1 ? 'one day' : `${count(days)} days`;
  return (
    <div class="myuse-headline" data-testid="myuse-headline">
      <p>
        <strong>{preset.label}</strong> with {row.model}:{' '}
        <strong data-testid="per-use">{amount(row.energy_wh.mean, 'Wh')}</strong>, {amount(row.water_ml.mean, 'mL')} of
        water, {amount(row.carbon_g.mean, 'g')} CO₂e.
      </p>
      <p>
        {sig2(perDay)} a day for {period}:{' '}
        <strong data-testid="year-energy">{amount(y.energy_kwh.mean * 1000, 'Wh')}</strong>,{' '}
        <strong data-testid="year-water">{amount(y.water_l.mean * 1000, 'mL')}</strong> of water,{' '}
        <strong data-testid="year-carbon">{amount(y.carbon_kg.mean * 1000, 'g')}</strong> CO₂e{' '}
        <span class="muted">
          (range {amount(y.energy_kwh.low * 1000, 'Wh')} to {amount(y.energy_kwh.high * 1000, 'Wh')})
        </span>
        .
      </p>
    </div>
  );
}
