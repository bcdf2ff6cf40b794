import * as l10n from '../../machines/l10n';
import { VscodeButton } from '../elements';

/** Free names in place of a taken one (each checked with Azure by the host); a click fills the field. */
export function NameSuggestions({ names, onChoose }: { names: readonly string[]; onChoose: (name: string) => void }) {
  if (names.length === 0) return null;
  return (
    <div className="name-suggestions" role="group" aria-label={l10n.t('Free server names')}>
      <span>{l10n.t('Free names:')}</span>
      {names.map((name) => (
        <VscodeButton key={name} secondary onClick={() => onChoose(name)}>{name}</VscodeButton>
      ))}
    </div>
  );
}
