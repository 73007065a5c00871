/** The SDK path: an application files an incident with its rejected flow file and a screenshot, and a retry never duplicates them. */
import { createHash, randomBytes } from 'node:crypto';
import { Readable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { createClient, FlowDirection } from '@chorus-support/sdk';
import { DEMO_API_KEY } from '../packages/server/src/integration/integration.demo';
import { sql } from './support/db';
import { startTestServer } from './support/server';

const server = await startTestServer();
await sql(server.databaseUrl, `update application_client set cost_budget_per_minute = 10000000 where name = 'SAXO'`);
const gid = (type: string, id: string) => Buffer.from(`${type}:${id}`).toString('base64url');
const structureId = gid('Structure', (await sql(server.databaseUrl, `select id from structure where code = 'CSP-LYON'`)).rows[0].id);
const PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==', 'base64');
const FLOW = Buffer.from(`<?xml version="1.0" encoding="UTF-8"?>\n<FluxSEM id="SAXO-EJ-42"><Rejet code="E042">Centre financier inconnu</Rejet>${'<Ligne/>'.repeat(40000)}</FluxSEM>\n`);
const sha = (b: Buffer) => createHash('sha256').update(b).digest('hex');

describe('incidents.file with attachments', () => {
  it('uploads Buffers and Node streams, attaches them to the ticket, and a retry with the same key stores nothing twice', async () => {
    const saxo = createClient({ url: server.url, apiKey: DEMO_API_KEY, retries: { retries: 3, baseDelayMs: 20 } });
    const screenshot = Buffer.concat([PNG, randomBytes(300_000)]);
    const exchangedAt = new Date(Date.now() - 60_000).toISOString();
    const occurredAt = new Date(Date.now() - 30_000).toISOString();
    const input = () => ({
      idempotencyKey: `saxo-flow-42-${process.pid}`,
      structureId,
      flow: { id: `SAXO-EJ-42-${process.pid}`, type: 'EJ', direction: FlowDirection.TO_CHORUS, exchangedAt },
      errorMessage: 'Ctre financier 0123-DR69-DP69 n’existe pas ds périm. Fin 0141 et exercice 2026',
      documentNumbers: ['1508892764/00003'],
      occurredAt,
      attachments: [
        // a stream, cut in uneven pieces, with its size announced
        { name: 'flux-SEM-rejeté.xml', data: Readable.from([FLOW.subarray(0, 1000), FLOW.subarray(1000, 70_000), FLOW.subarray(70_000)]), size: FLOW.length },
        { name: 'écran.png', data: screenshot },
      ],
    });
    const first = await saxo.incidents.file(input());
    expect(first.userErrors).toEqual([]);
    expect(first.attachments.map((a) => [a.name, a.userErrors, a.duplicate, a.attachment?.contentType, a.attachment?.sha256, a.event?.kind])).toEqual([
      ['flux-SEM-rejeté.xml', [], false, 'application/xml', sha(FLOW), 'ATTACHMENT_ADDED'],
      ['écran.png', [], false, 'image/png', sha(screenshot), 'ATTACHMENT_ADDED'],
    ]);
    expect(first.attachments[1].attachment?.addedByApplicationName).toBe('SAXO');

    // the same call again (the application did not see the answer): same ticket, same files, nothing new
    const again = await saxo.incidents.file(input());
    expect(again.userErrors).toEqual([]);
    expect(again.replayed).toBe(true);
    expect(again.ticket?.id).toBe(first.ticket?.id);
    expect(again.attachments.map((a) => [a.duplicate, a.attachment?.id, a.event])).toEqual(first.attachments.map((a) => [true, a.attachment?.id, null]));
    const { node } = await saxo.TicketAttachments({ id: first.ticket!.id });
    expect(node && 'attachments' in node ? node.attachments.map((a) => a.name) : null).toEqual(['flux-SEM-rejeté.xml', 'écran.png']);
    expect(node && 'attachmentCount' in node ? node.attachmentCount : null).toBe(2);

    // the bytes come back as they went
    const link = node && 'attachments' in node ? node.attachments[0].download.url : '';
    const res = await fetch(new URL(link, server.url));
    expect(Buffer.from(await res.arrayBuffer()).equals(FLOW)).toBe(true);

    // a refusal of the bytes is a typed error naming the reason
    const refused = await saxo.files.attach(first.ticket!.id, { name: 'vide.xml', data: Buffer.alloc(0) }).catch((e) => e);
    expect(refused.status).toBe(400);
    expect(refused.errors[0].extensions.reason).toBe('EMPTY_FILE');
  });
});
