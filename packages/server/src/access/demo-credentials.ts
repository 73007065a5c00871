/**
 * What marks the demo data's credentials, so that production refuses them whatever a
 * data folder first started in development holds: the demo directory lives under the
 * reserved `.example` domains (RFC 2606), and demo API keys under the `de0000` prefix.
 */
export const DEMO_API_KEY = 'csk_de0000000001_demo-key-saxo-not-a-secret-00000';
const DEMO_KEY_PREFIX = 'de0000';

export function isDemoEmail(email: string): boolean {
  return /\.example$/i.test(email.trim());
}

export function isDemoApiKeyPrefix(prefix: string): boolean {
  return prefix.startsWith(DEMO_KEY_PREFIX);
}
