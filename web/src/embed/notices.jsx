// The list of link settings an embed could not use (shared by every embed kind).
export function LinkNotices({ notices }) {
  if (!notices.length) return null;
  return (
    <ul class="notice" role="status" aria-label="Settings in the link that could not be used">
      {notices.map((n) => (
        <li key={n}>{n}</li>
      ))}
    </ul>
  );
}

/** The data could not be loaded: the error in words. */
export const LoadError = ({ error }) => (
  <p class="error-box" role="alert">
    The data could not be loaded: {String(error.message ?? error)}.
  </p>
);
