/**
 * Where a webhook may go: the one check run when an administrator registers a URL and again
 * on every delivery, whose connection is made to the very addresses the check passed
 * (`checkedLookup`), so a DNS answer that changes between the check and the connection
 * (rebinding) cannot lead a delivery inside.
 */
import { lookup as systemLookup } from 'node:dns/promises';
import { BlockList, isIP, type LookupFunction } from 'node:net';

/** A resolver: every address a name has, of every family. */
export type ResolveAll = (hostname: string) => Promise<{ address: string; family: number }[]>;

export interface WebhookTargetPolicy {
  /** Hosts allowed even when private (development and tests only). */
  allowedHosts: readonly string[];
  /** Production: https only, and a name must resolve when it is registered. */
  httpsOnly: boolean;
  /** The resolver (tests inject one); the system's by default. */
  resolve?: ResolveAll;
}

const resolveWith = (policy: WebhookTargetPolicy): ResolveAll => policy.resolve ?? ((host) => systemLookup(host, { all: true, verbatim: true }));

/** IPv4 a webhook must never reach: this network, private, CGNAT, loopback, link-local, IETF, test nets, 6to4 relay, benchmarking, multicast, reserved. */
const FORBIDDEN_V4 = new BlockList();
for (const [net, bits] of [
  ['0.0.0.0', 8], ['10.0.0.0', 8], ['100.64.0.0', 10], ['127.0.0.0', 8], ['169.254.0.0', 16], ['172.16.0.0', 12],
  ['192.0.0.0', 24], ['192.0.2.0', 24], ['192.88.99.0', 24], ['192.168.0.0', 16], ['198.18.0.0', 15], ['198.51.100.0', 24],
  ['203.0.113.0', 24], ['224.0.0.0', 4], ['240.0.0.0', 4],
] as const) FORBIDDEN_V4.addSubnet(net, bits, 'ipv4');

/**
 * IPv6 a webhook must never reach (forms that carry an IPv4 are judged by that IPv4, see
 * `embeddedIpv4`): discard, local-use NAT64, IETF assignments (Teredo among them), documentation,
 * SRv6, unique-local, link-local, site-local, multicast.
 */
const FORBIDDEN_V6 = new BlockList();
for (const [net, bits] of [
  ['100::', 64], ['64:ff9b:1::', 48], ['2001::', 23], ['2001:db8::', 32], ['3fff::', 20], ['5f00::', 16],
  ['fc00::', 7], ['fe80::', 10], ['fec0::', 10], ['ff00::', 8],
] as const) FORBIDDEN_V6.addSubnet(net, bits, 'ipv6');

/** The eight 16-bit groups of an IPv6 address (any spelling: compressed, dotted tail, zone). */
function ipv6Groups(ip: string): number[] | null {
  let host: string;
  try {
    // the URL parser writes any IPv6 spelling in its one canonical form: hex groups, one `::`
    host = new URL(`http://[${ip.replace(/%.*$/, '')}]/`).hostname.slice(1, -1);
  } catch {
    return null;
  }
  const [head, tail] = host.includes('::') ? host.split('::') : [host, undefined];
  const h = head ? head.split(':') : [];
  const t = tail ? tail.split(':') : [];
  const groups = tail === undefined ? h : [...h, ...Array<string>(8 - h.length - t.length).fill('0'), ...t];
  return groups.length === 8 ? groups.map((g) => parseInt(g, 16)) : null;
}

/** The IPv4 an IPv6 address stands for: mapped, translated, compatible, NAT64 (64:ff9b::/96) and 6to4 forms. */
function embeddedIpv4(g: number[]): string | null {
  const v4 = (hi: number, lo: number) => `${hi >> 8}.${hi & 255}.${lo >> 8}.${lo & 255}`;
  const zero = (from: number, to: number) => g.slice(from, to).every((x) => x === 0);
  if (zero(0, 5) && g[5] === 0xffff) return v4(g[6], g[7]); // ::ffff:a.b.c.d
  if (zero(0, 4) && g[4] === 0xffff && g[5] === 0) return v4(g[6], g[7]); // ::ffff:0:a.b.c.d
  if (zero(0, 6)) return v4(g[6], g[7]); // ::a.b.c.d (:: and ::1 fall in 0.0.0.0/8)
  if (g[0] === 0x64 && g[1] === 0xff9b && zero(2, 6)) return v4(g[6], g[7]); // 64:ff9b::a.b.c.d
  if (g[0] === 0x2002) return v4(g[1], g[2]); // 2002:aabb:ccdd::
  return null;
}

export function isForbiddenAddress(ip: string): boolean {
  const family = isIP(ip.replace(/%.*$/, ''));
  if (family === 4) return FORBIDDEN_V4.check(ip, 'ipv4');
  if (family !== 6) return true;
  const groups = ipv6Groups(ip);
  if (!groups) return true;
  const v4 = embeddedIpv4(groups);
  if (v4) return FORBIDDEN_V4.check(v4, 'ipv4');
  return FORBIDDEN_V6.check(groups.map((x) => x.toString(16)).join(':'), 'ipv6');
}

/** A URL's host as compared: no brackets, lower case, no trailing dot (`localhost.` is localhost). */
const hostOf = (url: URL) => url.hostname.replace(/^\[|\]$/g, '').toLowerCase().replace(/\.+$/, '');

const isLocalName = (host: string) => host === 'localhost' || !host.includes('.') || /\.(localhost|local|internal|home\.arpa|localdomain)$/.test(host);

const allowed = (host: string, policy: WebhookTargetPolicy) => policy.allowedHosts.some((h) => h.toLowerCase().replace(/\.+$/, '') === host);

/** Why a URL is refused before any lookup (null when it may go on): scheme, credentials, literal addresses, local names. */
export function webhookUrlProblem(raw: string, policy: WebhookTargetPolicy): string | null {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return 'is not a URL';
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') return 'must use http or https';
  if (url.protocol === 'http:' && policy.httpsOnly) return 'must use https';
  if (url.username || url.password) return 'must not carry credentials';
  const host = hostOf(url);
  if (allowed(host, policy)) return null;
  if (isIP(host)) return isForbiddenAddress(host) ? 'points at a private or local address' : null;
  if (isLocalName(host)) return 'points at a local host name';
  return null;
}

/** A target refused; its message completes "The webhook URL …". */
export class WebhookTargetRefused extends Error {}

/** Resolves a name and refuses it unless every address, of every family, is public. */
async function publicAddresses(host: string, policy: WebhookTargetPolicy): Promise<{ address: string; family: number }[]> {
  let addresses: { address: string; family: number }[];
  try {
    addresses = await resolveWith(policy)(host);
  } catch {
    throw new WebhookTargetRefused('does not resolve');
  }
  if (!addresses.length) throw new WebhookTargetRefused('does not resolve');
  if (!allowed(host, policy) && addresses.some((a) => isForbiddenAddress(a.address))) throw new WebhookTargetRefused('resolves to a private or local address');
  return addresses;
}

/**
 * The registration check: the URL's form, then the addresses its name has now. A name that
 * does not resolve is refused in production (a delivery could never go), accepted elsewhere
 * (tests and development run offline); each delivery checks again.
 */
export async function webhookTargetProblem(raw: string, policy: WebhookTargetPolicy): Promise<string | null> {
  const problem = webhookUrlProblem(raw, policy);
  if (problem) return problem;
  const host = hostOf(new URL(raw));
  if (isIP(host)) return null;
  try {
    await publicAddresses(host, policy);
    return null;
  } catch (e) {
    if (!(e instanceof WebhookTargetRefused)) throw e;
    return e.message === 'does not resolve' && !policy.httpsOnly ? null : e.message;
  }
}

/**
 * The `lookup` a delivery's socket uses: it resolves, checks every address, and hands the
 * socket only those it checked, so the connection cannot go elsewhere than what was judged.
 */
export function checkedLookup(policy: WebhookTargetPolicy): LookupFunction {
  return (hostname, options, callback) => {
    publicAddresses(hostname.toLowerCase().replace(/\.+$/, ''), policy).then(
      (addresses) => {
        const family = options.family === 4 || options.family === 6 ? options.family : 0;
        const usable = family ? addresses.filter((a) => a.family === family) : addresses;
        if (options.all) (callback as (err: null, addresses: { address: string; family: number }[]) => void)(null, usable);
        else if (usable.length) callback(null, usable[0].address, usable[0].family);
        else callback(Object.assign(new Error(`no IPv${family} address for ${hostname}`), { code: 'ENOTFOUND' }), '', 0);
      },
      (e: Error) => callback(Object.assign(e, { code: 'EWEBHOOKTARGET' }), '', 0),
    );
  };
}
