// "Share my estimate": draws the calculator's current estimate as a PNG card (share-card.js)
// in the browser, shows it, and offers to download it (or to share it where the browser can
// share files). Nothing leaves the browser unless the visitor shares it.
import { useEffect, useState } from 'preact/hooks';

import { everyday } from '../lib/equivalents.js';
import { PROMPTS } from '../lib/prompts.js';
import { METRICS } from '../lib/format.js';
import { chosenModel } from '../lib/requests.js';
import { amount, METRIC_KEYS } from './plain.js';
import { CARD_HEIGHT, CARD_WIDTH, drawCard } from './share-card.js';

/** The card's text for a result row (plain language: two significant figures). */
export function cardText(row, { model, prompt, constants, ref, custom }) {
  const detail = PROMPTS.find((p) => p.value === prompt)?.detail ?? prompt;
  return {
    title: `One ${prompt} prompt to ${model}`,
    subtitle: `${detail}${custom ? ', with my own assumptions' : ''}`,
    figures: METRIC_KEYS.map((k) => {
      const eq = everyday(constants, k, row[METRICS[k].key]?.mean)[0];
      return { label: METRICS[k].label, value: amount(k, row[METRICS[k].key]?.mean), note: eq ? `≈ ${eq.text}` : '' };
    }),
    footer: `Mean per query (${ref}). Method: Jegham et al., “How Hungry is AI?” (arXiv 2505.09598). Made with llm-footprint.`,
  };
}

export default function ShareImage({ state, data, result }) {
  const row = result?.rows?.[0];
  const [image, setImage] = useState(null);
  useEffect(() => () => image && URL.revokeObjectURL(image.url), [image]);
  useEffect(() => setImage(null), [row]);
  if (!row) return null;
  const model = chosenModel(state, data.footprint);
  const text = cardText(row, {
    model: row.model ?? model,
    prompt: row.prompt ?? state.prompt,
    constants: data.constants,
    ref: data.meta.ref,
    custom: (row.assumptions?.overridden ?? []).length > 0,
  });
  const make = () => {
    const canvas = document.createElement('canvas');
    canvas.width = CARD_WIDTH;
    canvas.height = CARD_HEIGHT;
    drawCard(canvas.getContext('2d'), text);
    canvas.toBlob((blob) => blob && setImage({ url: URL.createObjectURL(blob), blob }), 'image/png');
  };
  const file = `llm-footprint-${String(row.model).replace(/[^A-Za-z0-9]+/g, '-')}-${row.prompt}.png`;
  const canShare = image && navigator.canShare?.({ files: [new File([image.blob], file, { type: 'image/png' })] });
  const alt = `${text.title}: ${text.figures.map((f) => `${f.label.toLowerCase()} ${f.value}`).join(', ')}.`;
  return (
    <section class="panel share-image" aria-labelledby="share-title" data-testid="share">
      <h2 id="share-title">Share my estimate</h2>
      <p>An image of these numbers, made in your browser, for a post or a slide.</p>
      <button type="button" onClick={make} data-testid="share-make">
        Make the image
      </button>
      {image && (
        <>
          <p>
            <img src={image.url} alt={alt} width={CARD_WIDTH / 3} height={CARD_HEIGHT / 3} data-testid="share-img" />
          </p>
          <p>
            <a href={image.url} download={file} data-testid="share-download">
              Download the image (PNG)
            </a>
            {canShare && (
              <>
                {' '}
                <button
                  type="button"
                  onClick={() =>
                    navigator
                      .share({ files: [new File([image.blob], file, { type: 'image/png' })], title: text.title })
                      .catch(() => {})
                  }
                >
                  Share…
                </button>
              </>
            )}
          </p>
        </>
      )}
    </section>
  );
}
