// Units that scale (web/src/lib/units.js), the one table the calculator, compare, scale,
// my use and learn views share. Expected texts are worked by hand: 1 kWh = 1,000 Wh,
// 1 L = 1,000 mL, 1 m³ = 1,000 L, 1 kg = 1,000 g, 1 t = 1,000 kg.
import assert from 'node:assert/strict';
import { test } from 'node:test';

import { amountParts, metricOfUnit, quantity, range, scaleFor, SCALES } from '../../web/src/lib/units.js';

test('an amount takes the largest unit it reaches, with two significant figures', () => {
  assert.equal(quantity(0.4131, 'energy'), '0.41 Wh');
  assert.equal(quantity(4310, 'energy'), '4.3 kWh');
  assert.equal(quantity(2.5e6, 'energy'), '2.5 MWh');
  assert.equal(quantity(7.2e9, 'energy'), '7.2 GWh');
  assert.equal(quantity(14600, 'water'), '15 L');
  assert.equal(quantity(3.4e6, 'water'), '3.4 m³');
  assert.equal(quantity(1241, 'carbon'), '1.2 kg CO₂e');
  assert.equal(quantity(3.2e6, 'carbon'), '3.2 t CO₂e');
  assert.equal(quantity(Number.NaN, 'energy'), '–');
});

test('an amount that rounds up to the next unit is shown in it (999.7 Wh is 1 kWh)', () => {
  assert.equal(quantity(999.7, 'energy'), '1 kWh');
  assert.equal(quantity(999, 'energy'), '1,000 Wh');
  assert.deepEqual(scaleFor('water', 999.6), { factor: 1000, unit: 'L' });
});

test('precise amounts keep three significant digits', () => {
  assert.equal(quantity(4316, 'energy', { precise: true }), '4.32 kWh');
});

test('amounts shown together share one unit: a range, or `like`', () => {
  assert.equal(range(6, 31, 'energy'), '6 – 31 Wh');
  assert.equal(range(600, 3100, 'energy'), '0.6 – 3.1 kWh');
  assert.equal(quantity(500, 'energy', { like: 2000 }), '0.5 kWh');
  assert.equal(range(1, Number.NaN, 'water'), '–');
});

test('the parts for markup: base units scale (carbon without "CO₂e"), other units stay', () => {
  assert.equal(metricOfUnit('Wh'), 'energy');
  assert.equal(metricOfUnit('s'), undefined);
  assert.deepEqual(amountParts(1241, 'g'), { text: '1.2', unit: 'kg' });
  assert.deepEqual(amountParts(2.5e6, 'Wh'), { text: '2.5', unit: 'MWh' });
  assert.deepEqual(amountParts(0.42, 'mL'), { text: '0.42', unit: 'mL' });
  assert.deepEqual(amountParts(12.5, 's'), { text: '13', unit: 's' });
  assert.deepEqual(
    amountParts(3, '×', (x) => `<${x}>`),
    { text: '<3>', unit: '×' },
  );
  assert.deepEqual(amountParts(Number.POSITIVE_INFINITY, 'Wh'), { text: '–', unit: '' });
});

test('property: the shown number times its unit is the amount to two significant figures', () => {
  for (const metric of Object.keys(SCALES))
    for (let e = -2; e <= 13; e += 0.37) {
      const base = 10 ** e;
      const { factor } = scaleFor(metric, base);
      const shown = base / factor;
      // in range [1, 1000) of its unit, except below the base unit or above the largest one
      if (base >= 1 && base < 1e15) assert.ok(shown >= 0.9995 && shown < 1000, `${metric} ${base}: ${shown}`);
      const text = quantity(base, metric);
      const value = Number(text.split(' ')[0].replace(/,/g, ''));
      if (Number.isFinite(value)) assert.ok(Math.abs(value * factor - base) <= 0.05 * base, `${text} for ${base}`);
    }
});
