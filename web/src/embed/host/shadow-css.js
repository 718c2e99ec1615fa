// The frame's stylesheets for the shadow root of an embed's first paint (poster.jsx). Pure,
// tested under Node in tests/web/embed-first.test.mjs.

/**
 * The frame's stylesheets for a shadow root, where `rem` is the host page's root font size
 * (often not 16px: "html { font-size: 62.5% }"): every length in rem becomes one of
 * --llmfp-rem, the frame's own root size (embed.css div.embed). Media queries are left as
 * they are (their rem is the browser's default size, in the frame too).
 */
export const shadowCss = (css) =>
  css.replace(/(@media[^{]*)|(\d*\.?\d+)rem\b/g, (m, media, n) => media ?? `calc(${n} * var(--llmfp-rem))`);
