// theme="page": whether the host page around an embed is light or dark, from its computed
// colours (embed.js tells the frame, and its first paint takes it).

/** Relative luminance (0 black .. 1 white) of a computed "rgb(...)" colour, or null if transparent. */
function luminance(css) {
  const m = /rgba?\(([\d.]+)[,\s]+([\d.]+)[,\s]+([\d.]+)(?:[,\s/]+([\d.]+))?/.exec(css || '');
  if (!m || (m[4] !== undefined && Number(m[4]) < 0.5)) return null;
  const [r, g, b] = [m[1], m[2], m[3]].map((x) => {
    const c = Number(x) / 255;
    return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  });
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}

/** 'dark' or 'light': the first opaque background behind `el`, else its text colour. */
export function schemeAround(el) {
  for (let node = el.parentElement ?? el.getRootNode().host; node;) {
    const l = luminance(getComputedStyle(node).backgroundColor);
    if (l !== null) return l < 0.2 ? 'dark' : 'light';
    node = node.parentElement ?? node.getRootNode().host;
  }
  const text = luminance(getComputedStyle(el.parentElement ?? document.body ?? document.documentElement).color);
  return text !== null && text > 0.5 ? 'dark' : 'light';
}
