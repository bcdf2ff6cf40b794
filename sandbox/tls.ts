import { generate } from 'selfsigned';

export interface Certificate {
  cert: string;
  key: string;
}

/**
 * A fresh self-signed certificate for loopback. The Azure SDK refuses to send bearer tokens over
 * plain http, so the sandbox must speak TLS; clients trust it through `tlsOptions.ca`.
 */
export async function createLoopbackCertificate(): Promise<Certificate> {
  const now = Date.now();
  const pems = await generate([{ name: 'commonName', value: 'localhost' }], {
    keySize: 2048,
    algorithm: 'sha256',
    notBeforeDate: new Date(now - 60_000),
    notAfterDate: new Date(now + 365 * 24 * 3600_000),
    extensions: [
      { name: 'basicConstraints', cA: true },
      { name: 'keyUsage', digitalSignature: true, keyEncipherment: true, keyCertSign: true },
      { name: 'extKeyUsage', serverAuth: true },
      {
        name: 'subjectAltName',
        altNames: [
          { type: 2, value: 'localhost' },
          { type: 7, ip: '127.0.0.1' },
          { type: 7, ip: '::1' },
        ],
      },
    ],
  });
  return { cert: pems.cert, key: pems.private };
}
