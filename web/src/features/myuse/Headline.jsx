// The headline of My use: one use and a period of use of the first model, in sentences
// (two significant figures, units that scale). Shared by the view and its embed. The
// period's range is the workload row's range_low..range_high (docs/workloads.md): the means
// at the lowest and highest GPU utilisation, not one query's 5th to 95th percentile, which
// a year of thousands of queries averages out; the sentence says so.
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
        <span class="muted" data-testid="year-range">
          (between {quantity(y.energy_kwh.low * 1000, 'energy')} and {quantity(y.energy_kwh.high * 1000, 'energy')},
          depending on how hard the provider’s GPUs work, which is not published; one question varies more, but over
          many questions that evens out)
        </span>
        .
      </p>
    </div>
  );
}
