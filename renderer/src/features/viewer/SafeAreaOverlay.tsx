/** Action-safe (93%) and title-safe (90%) frames and a centre cross, as broadcast guides draw them. */
export function SafeAreaOverlay() {
  return (
    <svg
      className="safe-area"
      viewBox="0 0 100 100"
      preserveAspectRatio="none"
      data-testid="safe-area"
      aria-hidden
    >
      <rect x="3.5" y="3.5" width="93" height="93" />
      <rect x="5" y="5" width="90" height="90" strokeDasharray="1.5 1" />
      <path d="M48 50h4M50 48v4" />
    </svg>
  );
}
