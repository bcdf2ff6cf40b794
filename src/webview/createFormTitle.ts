import * as l10n from '../../machines/l10n';
/**
 * The create form's tab title. Its panel later shows the deployment's progress under the same view
 * type, retitled: the title is what tells a form being filled from a progress panel.
 */
export const CREATE_FORM_TITLE = l10n.t('Create PostgreSQL Flexible Server');
