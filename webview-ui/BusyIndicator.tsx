import { useEffect, useState } from 'react';
import { VscodeProgressRing } from './elements';

const REDUCED_MOTION = '(prefers-reduced-motion: reduce)';

function prefersReducedMotion(): boolean {
  return typeof window.matchMedia === 'function' && window.matchMedia(REDUCED_MOTION).matches;
}

/** Follows the user's reduced-motion preference, also when it changes while the webview is open. */
function useReducedMotion(): boolean {
  const [reduced, setReduced] = useState(prefersReducedMotion);
  useEffect(() => {
    if (typeof window.matchMedia !== 'function') return undefined;
    const query = window.matchMedia(REDUCED_MOTION);
    const follow = () => setReduced(query.matches);
    query.addEventListener('change', follow);
    return () => query.removeEventListener('change', follow);
  }, []);
  return reduced;
}

/**
 * Work under way: the spinning ring, or a still mark for a user who asked for reduced motion (a
 * ring spins for the whole of a deployment, minutes on end).
 */
export function BusyIndicator({ label }: { label: string }) {
  return useReducedMotion() ? (
    <span className="busy-still" role="img" aria-label={label}>
      ◌
    </span>
  ) : (
    <VscodeProgressRing aria-label={label} />
  );
}
