/** A token shaped like Entra's (a JWT with these claims), unsigned: the extension only decodes claims. */
export function unsignedToken(claims: Record<string, unknown>, signature = 'test'): string {
  const encode = (value: object) => Buffer.from(JSON.stringify(value)).toString('base64url');
  return `${encode({ alg: 'none', typ: 'JWT' })}.${encode(claims)}.${signature}`;
}
