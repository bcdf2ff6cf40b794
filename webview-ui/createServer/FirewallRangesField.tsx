import * as l10n from '../../machines/l10n';
import { VscodeButton, VscodeTextfield } from '../elements';
import type { ValidationErrors } from '../../machines/flexDeployment/createServerRequest';
import type { FirewallRange } from '../../machines/flexDeployment/networking';
import { FieldErrors, fieldErrorId, targetValue } from './Field';

export interface FirewallRangesFieldProps {
  ranges: FirewallRange[];
  errors: ValidationErrors;
  onChange: (ranges: FirewallRange[], touched: string[]) => void;
}

const INPUTS: { field: keyof FirewallRange; label: (n: number) => string; placeholder: string }[] = [
  { field: 'name', label: (n) => l10n.t('Range {0} name', n), placeholder: l10n.t('Rule name') },
  { field: 'startIpAddress', label: (n) => l10n.t('Range {0} start IP address', n), placeholder: l10n.t('Start IP address') },
  { field: 'endIpAddress', label: (n) => l10n.t('Range {0} end IP address', n), placeholder: l10n.t('End IP address') },
];

/** Named IPv4 ranges the firewall lets in; each box's broken rules are named under it. */
export function FirewallRangesField({ ranges, errors, onChange }: FirewallRangesFieldProps) {
  const set = (index: number, field: keyof FirewallRange, value: string) =>
    onChange(ranges.map((r, i) => (i === index ? { ...r, [field]: value } : r)), [`firewall.ranges.${index}.${field}`]);
  const remove = (index: number) => onChange(ranges.filter((_, i) => i !== index), []);

  return (
    <div>
      {ranges.map((range, index) => {
        const n = index + 1;
        return (
          <div className="range-row" key={index}>
            {INPUTS.map(({ field, label, placeholder }) => {
              const id = `range-${field}-${n}`;
              const broken = errors[`firewall.ranges.${index}.${field}`];
              return (
                <span className="range-input" key={field}>
                  <VscodeTextfield id={id} label={label(n)} placeholder={placeholder} value={range[field]} invalid={Boolean(broken)}
                    onInput={(e) => set(index, field, targetValue(e))} />
                  {broken ? <FieldErrors id={fieldErrorId(id)} errors={broken} /> : null}
                </span>
              );
            })}
            <VscodeButton secondary aria-label={l10n.t('Remove range {0}', n)} onClick={() => remove(index)}>{l10n.t('Remove')}</VscodeButton>
          </div>
        );
      })}
      <VscodeButton secondary onClick={() => onChange([...ranges, { name: '', startIpAddress: '', endIpAddress: '' }], [])}>{l10n.t('Add range')}</VscodeButton>
    </div>
  );
}
