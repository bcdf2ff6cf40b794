import { VscodeButton } from '../elements';
import type { ProviderRegistrationState } from './useCreateServerForm';

/** Why the form cannot go on in this subscription, and the button that registers it. */
export function ProviderRegistrationOffer({ registration, onRegister }: { registration: ProviderRegistrationState; onRegister: () => void }) {
  const { namespace } = registration.provider;
  return (
    <section className="provider-registration" aria-label="Provider registration">
      <p>{`This subscription is not registered for the ${namespace} resource provider, so Azure neither says what a location offers nor creates a server in it. Registering takes a minute or two; the form keeps what you typed.`}</p>
      <VscodeButton id="registerProvider" disabled={registration.registering} onClick={onRegister}>
        {registration.registering ? `Registering ${namespace}…` : `Register ${namespace}`}
      </VscodeButton>
    </section>
  );
}
