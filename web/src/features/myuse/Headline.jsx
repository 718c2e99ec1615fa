// The headline of My use: one use and a period of use of the first model, in sentences
// (two significant figures, units that scale). Shared by the view and its embed.
import { count, plain } from '../../lib/format.js';
import { quantity } from '../../lib/units.js';
import { yearOf } from './myuse.js';

export function Headline({ row, preset, perDay, days }) {
  if (!row) return null;
  const y = yearOf(row, perDay, days);
  const period = days === 365 ? 'a year' : days === 1 ? 'one day' : `${count(days)} days`;
  return (
    <div class="myuse-headline" data-testid="myuse-headline">
      <p>
        <strong>{preset.label}</strong> with {row.model}:{' '}
        <strong data-testid="per-use">{quantity(row.energy_wh.mean, 'energy')}</strong>,{' '}
        {quantity(row.water_ml.mean, 'water')} of water, {quantity(row.carbon_g.mean, 'carbon')}.
      </p>
      <p>
        {plain(perDay)} a day for {period}:{' '}
        <strong data-testid="year-energy">{quantity(y.energy_kwh.mean * 1000, 'energy')}</strong>,{' '}
        <strong data-testid="year-water">{quantity(y.water_l.mean * 1000, 'water')}</strong> of water,{' '}
        <strong data-testid="year-carbon">{quantity(y.carbon_kg.mean * 1000, 'carbon')}</strong>{' '}
        <span class="muted">
          (range {quantity(y.energy_kwh.low * 1000, 'energy')} to {quantity(y.energy_kwh.high * 1000, 'energy')})
        </span>
        .
      </p>
    </div>
  );
}
