// Inside the embed iframe: reports the content height to the host page, which resizes the
// iframe (embed.js, web/src/embed/host/embed.js). Message: {type: 'llm-footprint:height', id, height} (+ `width`
// for the inline badge) where id is the `eid` of the embed URL. The height is not private,
// so the target origin is '*'; the host side checks that the message comes from its own
// iframe and origin. With theme=page, the host script tells the frame whether the page
// around it is light or dark: {type: 'llm-footprint:theme', scheme: 'light'|'dark'}.
export const HEIGHT_MESSAGE = 'llm-footprint:height';
export const THEME_MESSAGE = 'llm-footprint:theme';
export const PING_MESSAGE = 'llm-footprint:ping';

export function reportHeight(element, id, { width = false } = {}) {
  if (window.parent === window) return () => {};
  let last = '';
  let msg = null;
  const post = () => {
    const key = `${msg.height}x${msg.width}`;
    if (key === last) return;
    last = key;
    window.parent.postMessage(msg, '*');
  };
  // Measured only when the layout is done (the ResizeObserver's callbacks, and its first
  // one, come after it): never a layout of its own before the first number is painted, on
  // the main thread that several embeds of one page share.
  const send = () => {
    const rect = element.getBoundingClientRect();
    msg = { type: HEIGHT_MESSAGE, id, height: Math.ceil(rect.height) };
    // The badge's width once it is there (not the width of "Loading…").
    if (width && element.querySelector('.embed-badge')) msg.width = naturalWidth(element);
    post();
  };
  const observer = new ResizeObserver(send);
  observer.observe(element);
  addEventListener('resize', send);
  // The host script may load after the first report: it asks again with {type: '...:ping'},
  // and gets the last size measured.
  addEventListener('message', (event) => {
    if (event.source === window.parent && event.data?.type === PING_MESSAGE && msg) {
      last = '';
      post();
    }
  });
  return () => observer.disconnect();
}

/** The width of `element` on one line (an off-screen copy: .embed-measure in embed.css). */
function naturalWidth(element) {
  const probe = element.cloneNode(true);
  probe.classList.add('embed-measure');
  probe.setAttribute('aria-hidden', 'true');
  document.body.append(probe);
  const w = Math.ceil(probe.getBoundingClientRect().width) + 1;
  probe.remove();
  return w;
}

/**
 * theme=page: the frame is transparent and takes its colours from the host's message
 * (html[data-scheme]); until one arrives it follows the reader's system setting.
 */
export function followTheme(html) {
  addEventListener('message', (event) => {
    const d = event.data;
    if (event.source !== window.parent || d?.type !== THEME_MESSAGE) return;
    if (d.scheme === 'light' || d.scheme === 'dark') html.dataset.scheme = d.scheme;
  });
}
