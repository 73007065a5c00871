import { BlockList, isIP } from 'node:net';
import { lookup } from 'node:dns/promises';

/** Addresses a webhook must never reach: loopback, private, link-local, CGNAT, multicast, reserved. */
const FORBIDDEN = new BlockList();
for (const [net, bits] of [
  ['0.0.0.0', 8], ['10.0.0.0', 8], ['100.64.0.0', 10], ['127.0.0.0', 8], ['169.254.0.0', 16], ['172.16.0.0', 12],
  ['192.0.0.0', 24], ['192.168.0.0', 16], ['198.18.0.0', 15], ['224.0.0.0', 4], ['240.0.0.0', 4],
] as const) FORBIDDEN.addSubnet(net, bits, 'ipv4');
for (const [net, bits] of [['::', 128], ['::1', 128], ['fc00::', 7], ['fe80::', 10], ['ff00::', 8], ['::ffff:0:0', 96]] as const) FORBIDDEN.addSubnet(net, bits, 'ipv6');

export function isForbiddenAddress(ip: string): boolean {
  const family = isIP(ip);
  if (!family) return true;
  return FORBIDDEN.check(ip, family === 4 ? 'ipv4' : 'ipv6');
}

/** Why a webhook URL is refused (null when acceptable). Names are checked again when delivering. */
export function webhookUrlProblem(raw: string, allowedHosts: readonly string[] = []): string | null {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return 'is not a URL';
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') return 'must use http or https';
  if (url.username || url.password) return 'must not carry credentials';
  const host = url.hostname.replace(/^\[|\]$/g, '').toLowerCase();
  if (allowedHosts.includes(url.hostname)) return null;
  if (isIP(host)) return isForbiddenAddress(host) ? 'points at a private or local address' : null;
  if (host === 'localhost' || host.endsWith('.localhost') || host.endsWith('.local') || host.endsWith('.internal') || !host.includes('.')) {
    return 'points at a local host name';
  }
  return null;
}

/** At delivery time: every address the name resolves to must be public (DNS rebinding guard). */
export async function resolvesToPublicAddresses(hostname: string): Promise<boolean> {
  const host = hostname.replace(/^\[|\]$/g, '');
  if (isIP(host)) return !isForbiddenAddress(host);
  try {
    const addresses = await lookup(host, { all: true });
    return addresses.length > 0 && addresses.every((a) => !isForbiddenAddress(a.address));
  } catch {
    return false;
  }
}
