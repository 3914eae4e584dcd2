/** What an interchange format or file could not carry, listed under a heading (nothing when empty). */
export function NotCarriedList({ heading, lines }: { heading: string; lines: readonly string[] }) {
  if (lines.length === 0) return null;
  return (
    <>
      <p className="muted">{heading}</p>
      <ul>
        {lines.map((line, index) => (
          <li key={index}>{line}</li>
        ))}
      </ul>
    </>
  );
}
