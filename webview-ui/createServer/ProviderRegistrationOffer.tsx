import * as l10n from '../../machines/l10n';
import { VscodeButton } from '../elements';
import type { ProviderRegistrationState } from './useCreateServerForm';

/** Why the form cannot go on in this subscription, and the button that registers it. */
export function ProviderRegistrationOffer({ registration, onRegister }: { registration: ProviderRegistrationState; onRegister: () => void }) {
  const { namespace } = registration.provider;
  return (
    <section className="provider-registration" aria-label={l10n.t('Provider registration')}>
      <p>
        {l10n.t(
          'This subscription is not registered for the {0} resource provider, so Azure neither says what a location offers nor creates a server in it. Registering takes a minute or two; the form keeps what you typed.',
          namespace,
        )}
      </p>
      <VscodeButton id="registerProvider" disabled={registration.registering} onClick={onRegister}>
        {registration.registering ? l10n.t('Registering {0}…', namespace) : l10n.t('Register {0}', namespace)}
      </VscodeButton>
    </section>
  );
}
