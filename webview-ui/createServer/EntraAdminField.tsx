import * as l10n from '../../machines/l10n';
import { useState } from 'react';
import { VscodeButton, VscodeTextfield } from '../elements';
import type { EntraAdministrator } from '../../machines/flexDeployment/retryableRequest';
import { Field, targetValue } from './Field';
import type { FormCatalog } from './formValues';

export interface EntraAdminFieldProps {
  subscriptionId: string;
  /** The signed-in user: the administrator unless another is chosen. */
  signedIn?: EntraAdministrator;
  chosen?: EntraAdministrator;
  search?: FormCatalog['entraSearch'];
  errors?: readonly string[];
  onSearch: (text: string) => void;
  /** Undefined: back to the signed-in user. */
  onChoose: (admin: EntraAdministrator | undefined) => void;
}

/**
 * The Microsoft Entra administrator: the signed-in user, or a user or security group found in the
 * tenant's directory by the start of its name, as the portal's "Set admin" picker does.
 */
export function EntraAdminField({ subscriptionId, signedIn, chosen, search, errors, onSearch, onChoose }: EntraAdminFieldProps) {
  const [text, setText] = useState('');
  const admin = chosen ?? signedIn;
  const answer = search?.subscriptionId === subscriptionId ? search : undefined;
  const find = () => text.trim() && onSearch(text);
  return (
    <Field id="entraAdminSearch" label={l10n.t('Microsoft Entra administrator')} errors={errors}>
      <div className="field-controls entra-admin">
        <p role="status">
          {admin ? administratorLabel(admin, Boolean(chosen)) : l10n.t('The signed-in user could not be read: find the administrator below.')}
          {chosen ? (
            <>
              {' '}
              <VscodeButton secondary onClick={() => onChoose(undefined)}>
                {l10n.t('Make me the administrator')}
              </VscodeButton>
            </>
          ) : null}
        </p>
        <div className="entra-search">
          <VscodeTextfield id="entraAdminSearch" placeholder={l10n.t('Find a user or group by name')} value={text}
            onInput={(e) => setText(targetValue(e))} onKeyDown={(e) => e.key === 'Enter' && find()} />
          <VscodeButton secondary disabled={!text.trim()} onClick={find}>
            {l10n.t('Search')}
          </VscodeButton>
        </div>
        {!answer ? null : 'message' in answer ? (
          <p role="alert">{answer.message}</p>
        ) : answer.principals.length === 0 ? (
          <p>{l10n.t("No user or security group named '{0}…' in the directory.", answer.text)}</p>
        ) : (
          <ul className="entra-results" aria-label={l10n.t('Users and groups found')}>
            {answer.principals.map((principal) => (
              <li key={principal.objectId}>
                <VscodeButton secondary aria-pressed={principal.objectId === chosen?.objectId} onClick={() => onChoose(principal)}>
                  {principal.principalType === 'Group' ? l10n.t('{0} · group', principal.principalName) : l10n.t('{0} · user', principal.principalName)}
                </VscodeButton>
              </li>
            ))}
          </ul>
        )}
      </div>
    </Field>
  );
}

/** The administrator the form will set, and who that is: a group, a user found by search, or the signed-in user. */
function administratorLabel(admin: EntraAdministrator, chosen: boolean): string {
  if (admin.principalType === 'Group') return l10n.t('{0} (group)', admin.principalName);
  return chosen ? l10n.t('{0} (user)', admin.principalName) : l10n.t('{0} (you)', admin.principalName);
}
