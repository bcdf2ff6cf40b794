import * as l10n from '../../machines/l10n';
import { VscodeButton, VscodeTextfield } from '../elements';
import type { ValidationErrors } from '../../machines/flexDeployment/createServerRequest';
import { MAX_TAGS, type Tag } from '../../machines/flexDeployment/serverOptions';
import { Field, FieldErrors, targetValue } from './Field';

export interface TagsFieldProps {
  tags: Tag[];
  errors: ValidationErrors;
  onChange: (tags: Tag[], touched: string[]) => void;
}

/** Name/value rows; each row's broken rules are named under it. */
export function TagsField({ tags, errors, onChange }: TagsFieldProps) {
  const set = (index: number, patch: Partial<Tag>, field: keyof Tag) =>
    onChange(tags.map((t, i) => (i === index ? { ...t, ...patch } : t)), [`tags.${index}.${field}`]);
  const remove = (index: number) => onChange(tags.filter((_, i) => i !== index), []);

  return (
    <Field id="tags" label={l10n.t('Tags')} errors={errors.tags} help={tags.length ? undefined : l10n.t('Name/value pairs to categorize the server, as in the portal.')}>
      <div className="tags">
        {tags.map((tag, index) => {
          const n = index + 1;
          const rowErrors = [...(errors[`tags.${index}.name`] ?? []), ...(errors[`tags.${index}.value`] ?? [])];
          return (
            <div className="tag-row" key={index}>
              <VscodeTextfield id={`tag-name-${n}`} label={l10n.t('Tag {0} name', n)} placeholder={l10n.t('Name')} value={tag.name} invalid={Boolean(errors[`tags.${index}.name`])}
                onInput={(e) => set(index, { name: targetValue(e) }, 'name')} />
              <VscodeTextfield id={`tag-value-${n}`} label={l10n.t('Tag {0} value', n)} placeholder={l10n.t('Value')} value={tag.value} invalid={Boolean(errors[`tags.${index}.value`])}
                onInput={(e) => set(index, { value: targetValue(e) }, 'value')} />
              <VscodeButton secondary aria-label={l10n.t('Remove tag {0}', n)} onClick={() => remove(index)}>{l10n.t('Remove')}</VscodeButton>
              {rowErrors.length ? <FieldErrors errors={rowErrors} /> : null}
            </div>
          );
        })}
        <VscodeButton secondary disabled={tags.length >= MAX_TAGS} onClick={() => onChange([...tags, { name: '', value: '' }], [])}>{l10n.t('Add tag')}</VscodeButton>
      </div>
    </Field>
  );
}
