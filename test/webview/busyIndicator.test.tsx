import { act, cleanup, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { BusyIndicator } from '../../webview-ui/BusyIndicator';

vi.mock('../../webview-ui/elements', () => import('./support/vscodeElementsStub'));

/** A `prefers-reduced-motion` query whose answer the test changes, telling its listeners as a browser does. */
function reducedMotionPreference(initially: boolean) {
  const listeners = new Set<() => void>();
  const query = {
    matches: initially,
    addEventListener: (_: string, listener: () => void) => listeners.add(listener),
    removeEventListener: (_: string, listener: () => void) => listeners.delete(listener),
  };
  const matchMedia = vi.fn((media: string) => {
    expect(media).toBe('(prefers-reduced-motion: reduce)');
    return query;
  });
  vi.stubGlobal('matchMedia', matchMedia);
  return {
    listeners,
    set(reduce: boolean) {
      query.matches = reduce;
      act(() => listeners.forEach((listener) => listener()));
    },
  };
}

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

describe('the busy indicator', () => {
  it('spins when the user has not asked for reduced motion', () => {
    reducedMotionPreference(false);
    render(<BusyIndicator label="In progress" />);
    expect(screen.getByRole('progressbar', { name: 'In progress' })).toBeTruthy();
    expect(screen.queryByRole('img')).toBeNull();
  });

  it('is a still mark with the same label for reduced motion, and follows the preference as it changes', () => {
    const preference = reducedMotionPreference(true);
    const { unmount } = render(<BusyIndicator label="Working" />);
    expect(screen.getByRole('img', { name: 'Working' }).textContent).toBe('◌');
    expect(screen.queryByRole('progressbar')).toBeNull();

    preference.set(false);
    expect(screen.getByRole('progressbar', { name: 'Working' })).toBeTruthy();
    preference.set(true);
    expect(screen.getByRole('img', { name: 'Working' })).toBeTruthy();

    unmount();
    expect(preference.listeners.size).toBe(0);
  });

  it('spins where the webview has no matchMedia', () => {
    vi.stubGlobal('matchMedia', undefined);
    render(<BusyIndicator label="In progress" />);
    expect(screen.getByRole('progressbar', { name: 'In progress' })).toBeTruthy();
  });
});
