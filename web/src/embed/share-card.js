// Draws the "share my estimate" card (1200 x 630, the size link previews use) on a 2D
// canvas context: the model and prompt, the three per-query means in plain language (two
// significant figures, units that scale), one everyday equivalent each, and the source.
// Used by the calculator's share button and by scripts/make-preview.mjs (og-image.png).
export const CARD_WIDTH = 1200;
export const CARD_HEIGHT = 630;

const COLORS = { bg: '#fdfdfb', fg: '#1b1f23', muted: '#55606b', accent: '#0b6e4f', panel: '#f2f4f3' };

/** Breaks `text` into lines of at most `width` px, between words. */
function wrap(ctx, text, width) {
  const lines = [];
  let line = '';
  for (const word of String(text).split(/\s+/)) {
    const next = line ? `${line} ${word}` : word;
    if (ctx.measureText(next).width > width && line) {
      lines.push(line);
      line = word;
    } else line = next;
  }
  if (line) lines.push(line);
  return lines;
}

/**
 * @param {CanvasRenderingContext2D} ctx
 * @param {{title: string, subtitle: string, figures: {label, value, note}[], footer: string}} card
 */
export function drawCard(ctx, { title, subtitle, figures, footer }) {
  const font = (size, weight = 400) =>
    `${weight} ${size}px system-ui, 'Segoe UI', Roboto, 'Liberation Sans', sans-serif`;
  ctx.fillStyle = COLORS.bg;
  ctx.fillRect(0, 0, CARD_WIDTH, CARD_HEIGHT);
  ctx.fillStyle = COLORS.accent;
  ctx.fillRect(0, 0, CARD_WIDTH, 12);
  ctx.textBaseline = 'top';
  ctx.fillStyle = COLORS.muted;
  ctx.font = font(28, 600);
  ctx.fillText('llm-footprint', 60, 44);
  ctx.fillStyle = COLORS.fg;
  ctx.font = font(50, 700);
  let y = 92;
  for (const line of wrap(ctx, title, CARD_WIDTH - 120).slice(0, 2)) {
    ctx.fillText(line, 60, y);
    y += 60;
  }
  ctx.fillStyle = COLORS.muted;
  ctx.font = font(28);
  ctx.fillText(subtitle, 60, y + 4);
  const top = y + 64;
  const w = (CARD_WIDTH - 120 - 2 * 24) / 3;
  figures.forEach((f, i) => {
    const x = 60 + i * (w + 24);
    ctx.fillStyle = COLORS.panel;
    ctx.fillRect(x, top, w, 250);
    ctx.fillStyle = COLORS.muted;
    ctx.font = font(26, 600);
    ctx.fillText(f.label, x + 24, top + 22);
    ctx.fillStyle = COLORS.fg;
    let size = 54;
    ctx.font = font(size, 700);
    while (size > 24 && ctx.measureText(f.value).width > w - 48) ctx.font = font((size -= 2), 700);
    ctx.fillText(f.value, x + 24, top + 62 + (54 - size) / 2);
    ctx.fillStyle = COLORS.muted;
    ctx.font = font(22);
    wrap(ctx, f.note, w - 48)
      .slice(0, 3)
      .forEach((line, j) => ctx.fillText(line, x + 24, top + 142 + j * 30));
  });
  ctx.fillStyle = COLORS.muted;
  ctx.font = font(20);
  wrap(ctx, footer, CARD_WIDTH - 120)
    .slice(0, 2)
    .forEach((line, j) => ctx.fillText(line, 60, CARD_HEIGHT - 70 + j * 26));
}
