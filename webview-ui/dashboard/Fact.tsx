/** One line of a facts list; an unknown value shows as a dash, not as nothing. */
export function Fact({ term, value }: { term: string; value: string | undefined }) {
  return (
    <>
      <dt>{term}</dt>
      <dd>{value || '—'}</dd>
    </>
  );
}
