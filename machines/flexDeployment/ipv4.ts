/**
 * An IPv4 address as the number it stands for, so that addresses compare by value: 9.0.0.0 comes
 * before 10.0.0.0, which string order would put last. Undefined for anything that is not one.
 */
export function ipv4Number(ip: string): number | undefined {
  const octets = ip.split('.');
  if (octets.length !== 4 || !octets.every((o) => /^\d{1,3}$/.test(o) && Number(o) <= 255)) return undefined;
  return octets.reduce((sum, octet) => sum * 256 + Number(octet), 0);
}
