#!/usr/bin/env node
// Flow monitor, as a business application (SAXO) would write it: when an exchange flow
// fails, file an incident, then wait for its resolution through a subscription.
//
//   CHORUS_URL=http://localhost:4000/graphql CHORUS_API_KEY=csk_… node examples/flow-monitor.mjs
//
// Optional: FLOW_ID, FLOW_TYPE, ERROR_MESSAGE, STRUCTURE_CODE (default: the first structure
// the application files for), TIMEOUT_S (default 600).
import WebSocket from 'ws';
import { createClient, FlowDirection, ChorusApiError } from '@chorus-support/sdk';

const url = process.env.CHORUS_URL ?? 'http://localhost:4000/graphql';
const apiKey = process.env.CHORUS_API_KEY;
if (!apiKey) {
  console.error('Set CHORUS_API_KEY (the demo start prints one).');
  process.exit(64);
}
const chorus = createClient({ url, apiKey, webSocketImpl: WebSocket, retries: 3 });

try {
  const { currentApplication: app } = await chorus.CurrentApplication();
  const structure = app.structures.find((s) => s.code === process.env.STRUCTURE_CODE) ?? app.structures[0];
  if (!structure) throw new Error(`${app.name} files for no structure yet.`);

  // the flow that just failed in our exchange with Chorus
  const flowId = process.env.FLOW_ID ?? `${app.name}-EJ-${Date.now()}`;
  const result = await chorus.incidents.file({
    // derived from the flow: a restart of this script files the same incident, not a second one
    idempotencyKey: `${flowId}:1`,
    structureId: structure.id,
    flow: { id: flowId, type: process.env.FLOW_TYPE ?? 'EJ', direction: FlowDirection.TO_CHORUS, exchangedAt: new Date().toISOString() },
    errorMessage: process.env.ERROR_MESSAGE ?? 'Rejet technique du flux : délai d’attente dépassé lors du dépôt SFTP',
    documentNumbers: ['1508892764/00003'],
    occurredAt: new Date().toISOString(),
    details: `Flux ${flowId} rejeté ; relance automatique impossible.`,
  });
  if (result.userErrors.length) {
    for (const e of result.userErrors) console.error(`refused: ${e.code} ${e.field?.join('.') ?? ''} ${e.message}`);
    process.exit(2);
  }
  const ticket = result.ticket;
  if (!ticket) throw new Error('refused without a reason');
  console.log(`filed ${ticket.reference} (${ticket.id}) level=${ticket.level} status=${ticket.status}${result.replayed ? ' (already filed)' : ''}`);
  if (result.filing) console.log(`routing: ${result.filing.routingReason}`);

  const deadline = setTimeout(() => {
    console.error('gave up waiting for the resolution');
    process.exit(3);
  }, Number(process.env.TIMEOUT_S ?? 600) * 1000);

  for await (const { data, errors } of chorus.incidents.follow(ticket.id)) {
    if (errors?.length) throw new Error(errors.map((e) => e.message).join('; '));
    if (!data) continue;
    const t = data.ticketUpdated;
    console.log(`update ${t.reference} status=${t.status} level=${t.level}`);
    if (t.status === 'RESOLVED' || t.status === 'CLOSED') {
      console.log(`resolved ${t.reference}`);
      break;
    }
  }
  clearTimeout(deadline);
} catch (e) {
  if (e instanceof ChorusApiError) console.error(`API error ${e.code} (request ${e.requestId}): ${e.message}`);
  else console.error(e);
  process.exitCode = 1;
} finally {
  await chorus.close();
}
