import { describe, expect, it } from 'vitest';
import { checkedLookup, isForbiddenAddress, webhookTargetProblem, webhookUrlProblem, type WebhookTargetPolicy } from './webhook-url';

const production: WebhookTargetPolicy = { allowedHosts: [], httpsOnly: true };

describe('isForbiddenAddress', () => {
  it.each([
    '127.0.0.1', '10.1.2.3', '169.254.169.254', '100.64.0.1', '192.168.1.1', '0.0.0.0', '203.0.113.9', '255.255.255.255',
    '::', '::1', '::127.0.0.1', '::7f00:1', '::ffff:127.0.0.1', '::ffff:7f00:1', '::ffff:0:7f00:1', '64:ff9b::7f00:1', '64:ff9b::10.0.0.1',
    '64:ff9b:1::808:808', '2002:7f00:1::', '2002:a9fe:a9fe::1', '2001:0:4136:e378:8000:63bf:3fff:fdd2', '2001:db8::1', 'fc00::1', 'fd12:3456::1',
    'fe80::1', 'fe80::1%eth0', 'fec0::1', 'ff02::1', '100::1', 'not an address',
  ])('refuses %s', (ip) => expect(isForbiddenAddress(ip)).toBe(true));

  it.each(['93.184.215.14', '8.8.8.8', '2606:4700::1111', '64:ff9b::808:808', '2002:808:808::1', '::ffff:8.8.8.8'])('accepts the public %s', (ip) => expect(isForbiddenAddress(ip)).toBe(false));
});

describe('webhookUrlProblem', () => {
  it.each([
    ['http://[::127.0.0.1]/', /https/],
    ['https://[::127.0.0.1]/', /private or local/],
    ['https://[64:ff9b::7f00:1]/', /private or local/],
    ['https://[2002:7f00:1::]/', /private or local/],
    ['https://localhost./', /local host name/],
    ['https://LOCALHOST../', /local host name/],
    ['https://api.localhost./', /local host name/],
    ['https://127.0.0.1./', /private or local/],
    ['https://0x7f.1/', /private or local/],
    ['https://2130706433/', /private or local/],
    ['http://hooks.partner.example/', /https/],
  ])('refuses %s in production', (url, problem) => expect(webhookUrlProblem(url, production)).toMatch(problem));

  it('accepts plain http outside production, and an allowed host whatever its address', () => {
    expect(webhookUrlProblem('http://hooks.partner.example/', { allowedHosts: [], httpsOnly: false })).toBeNull();
    expect(webhookUrlProblem('http://127.0.0.1:8080/', { allowedHosts: ['127.0.0.1'], httpsOnly: false })).toBeNull();
  });
});

describe('webhookTargetProblem and checkedLookup: every resolved address is judged', () => {
  const dns: Record<string, string[]> = { 'public.example': ['93.184.215.14', '2606:4700::1111'], 'mixed.example': ['93.184.215.14', '::ffff:10.0.0.1'], '127.0.0.1.nip.io': ['127.0.0.1'] };
  const resolve = async (host: string) => {
    const found = dns[host];
    if (!found) throw Object.assign(new Error('ENOTFOUND'), { code: 'ENOTFOUND' });
    return found.map((address) => ({ address, family: address.includes(':') ? 6 : 4 }));
  };

  it('refuses a name with one private address among public ones, and an unresolvable name in production only', async () => {
    expect(await webhookTargetProblem('https://public.example/hook', { ...production, resolve })).toBeNull();
    expect(await webhookTargetProblem('https://mixed.example/hook', { ...production, resolve })).toMatch(/private or local/);
    expect(await webhookTargetProblem('https://127.0.0.1.nip.io/', { ...production, resolve })).toMatch(/private or local/);
    expect(await webhookTargetProblem('https://nowhere.example/', { ...production, resolve })).toMatch(/does not resolve/);
    expect(await webhookTargetProblem('https://nowhere.example/', { allowedHosts: [], httpsOnly: false, resolve })).toBeNull();
  });

  it('gives the socket only checked addresses, in either calling convention', async () => {
    const lookup = checkedLookup({ ...production, resolve });
    const all = await new Promise((ok, ko) => lookup('public.example', { all: true }, (e, a) => (e ? ko(e) : ok(a))));
    expect(all).toEqual([{ address: '93.184.215.14', family: 4 }, { address: '2606:4700::1111', family: 6 }]);
    const one = await new Promise((ok, ko) => lookup('public.example', { family: 6 }, (e, a, f) => (e ? ko(e) : ok([a, f]))));
    expect(one).toEqual(['2606:4700::1111', 6]);
    const refused = await new Promise<NodeJS.ErrnoException>((ok) => lookup('mixed.example', { all: true }, (e) => ok(e!)));
    expect(refused).toMatchObject({ code: 'EWEBHOOKTARGET', message: expect.stringMatching(/private or local/) });
  });
});
