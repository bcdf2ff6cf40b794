const LOGGED_FIELDS = 20;
const LOGGED_PATH_LENGTH = 100;

/** The paths a hostile page chose (unknown fields) are capped, so that it cannot make the host log megabytes. */
export function listFields(paths: string[]): string {
  const listed = paths.slice(0, LOGGED_FIELDS).map((p) => (p.length > LOGGED_PATH_LENGTH ? `${p.slice(0, LOGGED_PATH_LENGTH)}…` : p));
  const more = paths.length - listed.length;
  return listed.join(', ') + (more > 0 ? ` and ${more} more` : '');
}
