// The embed dialog's check of this site's hosting (docs/embedding.md): what a blog needs
// from the server of embed.js, embed.html and the files of an embed's first paint. `judge()`
// is pure (tested in tests/web/embed-hosting.test.mjs); `checkHosting()` fetches the files from this site.

/**
 * `first`: a precomputed file an embed's first paint reads ({status, acao}; null if it could
 * not be fetched, undefined if not checked).
 * @param {{script: {status, type, acao}|null, page: {status, csp, xfo}|null, first?: {status, acao}|null, protocol: string, host: string}} seen
 * @returns {{id, ok: boolean|null, title, detail}[]} ok null = could not be checked
 */
export function judge({ script, page, first, protocol, host }) {
  const out = [];
  const local = /^(localhost|127\.\d+\.\d+\.\d+|\[::1\])$/.test(host);
  out.push({
    id: 'https',
    ok: protocol === 'https:' || local,
    title: protocol === 'https:' ? 'Served over HTTPS' : local ? 'Served from this computer' : 'Not served over HTTPS',
    detail:
      protocol === 'https:'
        ? 'Pages served over HTTPS can embed it.'
        : local
          ? 'Fine for trying it out; readers can only see an embed from a public address, served over HTTPS.'
          : 'A blog served over HTTPS blocks an embed from an http:// address: serve this site over HTTPS.',
  });
  if (!script || script.status !== 200)
    out.push({
      id: 'script',
      ok: script ? false : null,
      title: 'embed.js',
      detail: script
        ? `embed.js answered with HTTP ${script.status}: the snippets need it next to this page.`
        : 'embed.js could not be checked (offline?).',
    });
  else {
    out.push({
      id: 'cors',
      ok: Boolean(script.acao),
      title: script.acao ? 'embed.js may be loaded by other sites' : 'embed.js lacks the header other sites need',
      detail: script.acao
        ? `It is sent with Access-Control-Allow-Origin: ${script.acao}.`
        : 'embed.js is loaded as a module from the blog’s own address, so its server must send ' +
          '“Access-Control-Allow-Origin: *”. Without it the custom element shows only its link, and the iframe ' +
          'keeps its first height. The _headers file of the build does this on Netlify and Cloudflare Pages; ' +
          'GitHub Pages sends it by default; elsewhere add the header for embed.js (see docs/embedding.md).',
    });
    out.push({
      id: 'type',
      ok: /javascript|ecmascript/i.test(script.type ?? ''),
      title: 'embed.js is served as JavaScript',
      detail: /javascript|ecmascript/i.test(script.type ?? '')
        ? `Content-Type: ${script.type}.`
        : `Content-Type is “${script.type ?? 'missing'}”: browsers run a module only when it is text/javascript.`,
    });
  }
  if (first && first.status === 200)
    out.push({
      id: 'first-paint',
      ok: Boolean(first.acao),
      title: first.acao ? 'Embeds show their numbers at once' : 'Embeds show their numbers only once their frame loads',
      detail: first.acao
        ? 'The precomputed numbers (data/precomputed/embed/) and the script that draws them (assets/) may be read by ' +
          'other sites, so an embed shows its numbers in the blog’s page before its frame has loaded.'
        : 'An embed still works, a moment later. For its numbers at once, the server must send ' +
          '“Access-Control-Allow-Origin: *” for data/precomputed/embed/ and assets/ too. The _headers file of the ' +
          'build does this on Netlify and Cloudflare Pages; GitHub Pages sends it by default (see docs/embedding.md).',
    });
  if (page && page.status === 200) {
    const fa = /frame-ancestors\s+([^;]*)/i.exec(page.csp ?? '')?.[1]?.trim();
    const blocked = (fa && !/(^|\s)\*(\s|$)/.test(fa)) || /deny|sameorigin/i.test(page.xfo ?? '');
    out.push({
      id: 'frame',
      ok: !blocked,
      title: blocked ? 'embed.html may not be framed by other sites' : 'embed.html may be framed by other sites',
      detail: blocked
        ? `The server sends ${fa ? `“frame-ancestors ${fa}”` : `“X-Frame-Options: ${page.xfo}”`} for embed.html: ` +
          'send “frame-ancestors *” for embed.html only (docs/embedding.md).'
        : fa
          ? 'Its policy allows any site to frame it (frame-ancestors *).'
          : 'No header forbids framing it.',
    });
  }
  return out;
}

const headOf = async (url) => {
  try {
    const r = await fetch(url, { cache: 'no-store' });
    return r;
  } catch {
    return null;
  }
};

/**
 * Fetches embed.js, embed.html and (if given) `firstPaintFile`, a precomputed file an embed's
 * first paint reads, from `base`, and judges their headers.
 */
export async function checkHosting(base, firstPaintFile) {
  const [s, p, f] = await Promise.all([
    headOf(new URL('embed.js', base)),
    headOf(new URL('embed.html', base)),
    firstPaintFile ? headOf(new URL(firstPaintFile, base)) : undefined,
  ]);
  const u = new URL(base);
  return judge({
    script: s && {
      status: s.status,
      type: s.headers.get('content-type'),
      acao: s.headers.get('access-control-allow-origin'),
    },
    page: p && {
      status: p.status,
      csp: p.headers.get('content-security-policy'),
      xfo: p.headers.get('x-frame-options'),
    },
    first: f && { status: f.status, acao: f.headers.get('access-control-allow-origin') },
    protocol: u.protocol,
    host: u.hostname,
  });
}
