// Inside the embed iframe: reports the content height to the host page, which resizes the
// iframe (public/embed.js). Message: {type: 'llm-footprint:height', id, height} where id is
// the `eid` of the embed URL. The height is not private, so the target origin is '*'; the
// host side checks that the message comes from its own iframe and origin.
export const HEIGHT_MESSAGE = 'llm-footprint:height';

export function reportHeight(element, id) {
  if (window.parent === window) return () => {};
  let last = -1;
  const send = () => {
    const height = Math.ceil(element.getBoundingClientRect().height);
    if (height === last) return;
    last = height;
    window.parent.postMessage({ type: HEIGHT_MESSAGE, id, height }, '*');
  };
  const observer = new ResizeObserver(send);
  observer.observe(element);
  addEventListener('resize', send);
  // The host script may load after the first report: it asks again with {type: '...:ping'}.
  addEventListener('message', (event) => {
    if (event.source === window.parent && event.data?.type === 'llm-footprint:ping') {
      last = -1;
      send();
    }
  });
  send();
  return () => observer.disconnect();
}
