// "This link uses dataset version X; newer data exist (Y)": shown by the app and the embed.
import { versionStatus } from './versions.js';

export function VersionNotice({ ds, meta, newerHref, target }) {
  const { newer, missing } = versionStatus(ds, meta);
  if (missing)
    return (
      <p class="notice" role="status" data-testid="version-missing">
        The dataset version “{missing}” in this link is not in this build; showing {meta.ref} instead.
      </p>
    );
  if (!newer) return null;
  return (
    <p class="notice version-notice" role="status" data-testid="version-newer">
      These numbers use {meta.entry.title ?? meta.entry.id}, version {meta.version.version}, as the link was made. Newer
      data exist (version {newer}):{' '}
      <a href={newerHref} target={target} rel={target ? 'noopener noreferrer' : undefined}>
        see this with the newest data
      </a>
      .
    </p>
  );
}
