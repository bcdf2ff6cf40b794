import { cleanup, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { closeTranslatedPage, openTranslatedPage } from './support/translatedPage';

vi.mock('../../webview-ui/elements', () => import('./support/vscodeElementsStub'));

// German as a translator would write it, for texts of each kind the views hold.
const GERMAN = {
  'Provisioning stages': 'Bereitstellungsschritte',
  'Creating server': 'Server wird erstellt',
  'Elapsed {0}': 'Vergangen: {0}',
  'Cancel Deployment': 'Bereitstellung abbrechen',
  'Connect': 'Verbinden',
  'Server {0} is ready.': 'Server {0} ist bereit.',
  'Basics': 'Grundlagen',
  '{0} days': '{0} Tage',
  'Burstable': 'Burstfähig',
};

afterEach(() => {
  cleanup();
  closeTranslatedPage();
});

/** The page as the host writes it for a German VS Code: the bundle first, then the views' modules. */
async function germanPage() {
  await openTranslatedPage(JSON.stringify(GERMAN));
  const { ProvisioningProgress } = await import('../../webview-ui/createServer/ProvisioningProgress');
  const { reviewSummary } = await import('../../webview-ui/createServer/reviewSummary');
  const deployments = await import('./support/deployments');
  return { ProvisioningProgress, reviewSummary, ...deployments };
}

describe('the webviews in a translated VS Code', () => {
  it('show JSX text, labels, sentences with arguments and tables built as modules load in the display language', async () => {
    const { ProvisioningProgress, deploying, context, T0 } = await germanPage();
    const view = (deployment: ReturnType<typeof deploying>) => (
      <ProvisioningProgress deployment={deployment} operations={[]} now={T0 + 120_000} onRetry={() => {}} onCancel={() => {}} onNextStep={() => {}} />
    );
    render(view(deploying()));
    expect(screen.getByRole('list', { name: 'Bereitstellungsschritte' })).toBeTruthy();
    expect(screen.getByText('Server wird erstellt')).toBeTruthy();
    expect(screen.getByText('Vergangen: 2:00')).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Bereitstellung abbrechen' })).toBeTruthy();
    cleanup();

    render(view({ value: { succeeded: 'profileCreated' }, context: context({ status: 'succeeded', terminalAt: T0 + 60_000 }) }));
    expect(screen.getByText('Server pg-dev-1 ist bereit.')).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Verbinden' })).toBeTruthy();
  });

  it('review a request in the display language, Azure values by their translated names', async () => {
    const { reviewSummary, context } = await germanPage();
    const sections = reviewSummary(context().request!, { subscriptions: [], resourceGroups: [], locations: [] });
    expect(sections[0].heading).toBe('Grundlagen');
    const lines = sections.flatMap((section) => section.lines);
    expect(lines.find((line) => line.label === 'Compute tier')?.value).toBe('Burstfähig');
    expect(lines.find((line) => line.label === 'Backup retention')?.value).toMatch(/^\d+ Tage$/);
  });
});
