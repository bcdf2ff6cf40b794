import * as l10n from '../l10n';
/**
 * Azure's rule about the admin login in the password, in the portal's words: "Your password cannot
 * contain all or part of the login name. Part of a login name is defined as three or more
 * consecutive alphanumeric characters."
 *
 * Read literally: the password may contain neither the whole login nor any three consecutive
 * letters or digits of it, in any case. The wording comes from the SQL Server / Windows policy,
 * which looks only for whole tokens of the name (split at delimiters such as `_`); the literal
 * reading refuses every password that one refuses and a few more, so a password accepted here is
 * not refused by Azure for this rule whichever reading Azure applies. The price: login `pgadmin`
 * with password `Admin-Passw0rd` is refused here, though the token reading would allow it.
 */
export const LOGIN_IN_PASSWORD_MESSAGE =
  l10n.t('Password cannot contain all or part of the admin login: neither the login nor any three consecutive letters or numbers of it, in any case.');

const PART_LENGTH = 3;
const ALPHANUMERIC = /^[\p{L}\p{N}]+$/u;

/** Asked once there is a login: an empty one would be in every password. */
export function passwordContainsLogin(password: string, login: string): boolean {
  const haystack = password.toLowerCase();
  const name = login.toLowerCase();
  if (haystack.includes(name)) return true;
  // Code points, not UTF-16 units: a letter outside the BMP is one character of the login.
  const characters = [...name];
  for (let start = 0; start + PART_LENGTH <= characters.length; start++) {
    const part = characters.slice(start, start + PART_LENGTH).join('');
    if (ALPHANUMERIC.test(part) && haystack.includes(part)) return true;
  }
  return false;
}
