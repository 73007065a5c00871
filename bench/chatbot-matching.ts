/**
 * Matching and chatbot round-trip benchmark.
 *
 *   npx -y pnpm@12.4.2 bench:chatbot [items=10000] [reformulations=100000]
 *
 * Seeds the demo data plus `items` synthetic published error messages and
 * `reformulations` synthetic reformulations (embedded PostgreSQL, or DATABASE_URL's
 * server in a fresh database), then prints median and p99 of:
 *   - a match (matchMessage, SQL included) against a plain indexed lookup of one template;
 *   - a full sendMessage round trip over HTTP at 32 concurrent conversations against a
 *     trivial authenticated query at the same concurrency;
 * each with its ratio to its baseline. Target: match median ≤ 10 ms.
 */
import 'reflect-metadata';
import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { startServer } from '../packages/server/src/app';
import { mintToken } from '../packages/server/src/access/credentials';
import { loadConfig } from '../packages/server/src/core/config';
import { migrate, openDatabase } from '../packages/server/src/core/database';
import { startEmbeddedPostgres } from '../packages/server/src/core/embedded-postgres';
import { createLogger } from '../packages/server/src/core/logger';
import { Bot } from '../packages/server/src/knowledge/bot.entity';
import { thresholdsOf } from '../packages/server/src/knowledge/knowledge.service';
import { matchMessage } from '../packages/server/src/knowledge/matching.service';
import { toTemplate } from '../packages/server/src/knowledge/normalise';
import { loadDemoDataIfEmpty } from '../packages/server/src/seed/demo';

const ITEMS = Number(process.argv[2] ?? 10_000);
const REFORMULATIONS = Number(process.argv[3] ?? 100_000);
const CONCURRENCY = 32;
const MATCH_RUNS = 2000;
const ROUND_TRIPS_PER_CONVERSATION = 25;

/* ---------- a deterministic generator of Chorus-like messages ---------- */
let seed = 42;
/** mulberry32: small, fast, deterministic. */
const rand = () => {
  seed = (seed + 0x6d2b79f5) | 0;
  let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
  t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
  return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
};
const pick = <T>(xs: readonly T[]) => xs[Math.floor(rand() * xs.length)];
const WORDS = `poste pièce commande engagement juridique centre financier domaine fonctionnel activité imputation budgétaire programme
 exercice report reporté soldé clôturé bloqué verrouillé autorisation habilitation périmètre catégorie version tiers fournisseur débiteur
 créancier facture paiement demande service fait constaté présumé assisté quantité montant devise compte produit charge nature recette
 ordre titre perception formulaire contexte profil utilisateur rôle transaction workflow valideur étape tâche agent destinataire
 document chaîne annulation automatique nul interdit valeur blanc espace élément référentiel société code adresse structure référence
 saisie contrôle sauvegarde modification création suppression validation rejet erreur inexistant invalide incorrect obligatoire absent
 déjà encore pas n'est n'a été dans pour avec sur par de du des la le les un une en est sont ont ne plus aucune aucun
 échéance délai condition entête en-tête ligne lot flux interface remontée AE CP dotation disponible insuffisant dépassé seuil`
  .split(/\s+/)
  .filter(Boolean);
/**
 * A vocabulary shaped like a support knowledge base: frequent stop words, a few hundred
 * Chorus words, and a long tail of rarer terms (codes, transactions, business words)
 * drawn with a Zipf-like skew, so that messages share words the way real ones do.
 */
const STOP = ["de", "la", "le", "les", "du", "des", "un", "une", "en", "est", "pas", "n'a", "n'est", "dans", "pour", "sur", "par", "avec", "ne", "plus", "aucun", "aucune", "été", "déjà", "encore"];
const SYLLABLES = ['pa', 'ri', 'co', 'men', 'ta', 'tion', 'eur', 'ge', 'ste', 'ver', 'rou', 'il', 'lé', 'ban', 'ca', 'ire', 'dé', 'pré', 'con', 'stat', 'fi', 'nan', 'cier', 'mo', 'dul', 'ré', 'fé', 'rence', 'ti', 'que', 'ma', 'gis', 'tra', 'li', 'qui', 'da', 'tif', 'ven', 'te', 'ac', 'hat', 'sor', 'bu', 'ro'];
const TAIL = Array.from({ length: 4000 }, () => Array.from({ length: 2 + Math.floor(rand() * 3) }, () => pick(SYLLABLES)).join(''));
const word = () => {
  const r = rand();
  if (r < 0.35) return pick(STOP);
  if (r < 0.65) return pick(WORDS);
  return TAIL[Math.floor(TAIL.length * rand() * rand())];
};
const message = (n: number) => Array.from({ length: n }, word).join(' ');
const variant = (text: string) => {
  const w = text.split(' ');
  const i = Math.floor(rand() * w.length);
  if (rand() < 0.5) w.splice(i, 1);
  else w.splice(i, 0, word());
  return w.join(' ');
};
const typo = (text: string) => {
  const i = 3 + Math.floor(rand() * (text.length - 6));
  return text.slice(0, i) + text.slice(i + 1);
};

function stats(ms: number[]) {
  const s = [...ms].sort((a, b) => a - b);
  const at = (q: number) => s[Math.min(s.length - 1, Math.floor(q * s.length))];
  return { n: s.length, median: at(0.5), p99: at(0.99) };
}
const fmt = (x: number) => x.toFixed(2).padStart(8);

async function main() {
  const logger = createLogger('error');
  const dataDir = process.env.DATABASE_URL ? null : mkdtempSync(join(tmpdir(), 'chorus-bench-'));
  const embedded = dataDir ? await startEmbeddedPostgres({ dataDir, persistent: false }) : null;
  const adminUrl = process.env.DATABASE_URL ?? embedded!.url;
  const dbName = `chorus_bench_${Date.now().toString(36)}`;
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  await admin.query(`create database ${dbName}`);
  const url = new URL(adminUrl);
  url.pathname = `/${dbName}`;
  const databaseUrl = url.toString();

  try {
    await measure(databaseUrl, logger);
  } finally {
    if (process.env.BENCH_KEEP_DATABASE) {
      console.log(`kept database ${databaseUrl}`);
      await admin.end();
      return;
    }
    await admin.query(`drop database if exists ${dbName} with (force)`).catch(() => undefined);
    await admin.end();
    await embedded?.stop();
    if (dataDir) rmSync(dataDir, { recursive: true, force: true });
  }
}

async function measure(databaseUrl: string, logger: ReturnType<typeof createLogger>) {
  const orm = await openDatabase(databaseUrl, logger);
  await migrate(orm);
  await loadDemoDataIfEmpty(orm);
  const em = orm.em.fork();
  const bot = await em.findOneOrFail(Bot, { code: 'IZIA' });

  /* ---------- seed: items and reformulations ---------- */
  const t0 = Date.now();
  const db = new pg.Client({ connectionString: databaseUrl });
  await db.connect();
  const { rows: domains } = await db.query(`select id from bot_domain where bot_id = $1 and role = 'STANDARD'`, [bot.id]);
  await db.query('drop index knowledge_phrase_words_gin');
  const messages: string[] = [];
  const insert = async (table: string, columns: string[], rows: unknown[][]) => {
    for (let i = 0; i < rows.length; i += 1000) {
      const chunk = rows.slice(i, i + 1000);
      const values = chunk.map((r, j) => `(${r.map((_, k) => `$${j * r.length + k + 1}`).join(', ')})`).join(', ');
      await db.query(`insert into ${table} (${columns.join(', ')}) values ${values}`, chunk.flat());
    }
  };
  const itemRows: unknown[][] = [];
  const phraseRows: unknown[][] = [];
  const itemIds: string[] = [];
  const dialog = JSON.stringify({ start: 'a', nodes: [{ id: 'a', kind: 'ANSWER', texts: ['Réponse de test.'], listItems: [], buttons: [], actions: [] }] });
  const seen = new Set<string>();
  for (let i = 0; i < ITEMS; i++) {
    let text = message(7 + Math.floor(rand() * 6));
    while (seen.has(toTemplate(text))) text = message(9);
    seen.add(toTemplate(text));
    const id = randomUUID();
    itemIds.push(id);
    messages.push(text);
    itemRows.push([id, bot.id, pick(domains).id, 'ERROR_MESSAGE', text.slice(0, 300), text, dialog, 'PUBLISHED', new Date(), '[]', '[]']);
    phraseRows.push([randomUUID(), id, bot.id, 'KNOWN_MESSAGE', text, toTemplate(text), true]);
  }
  for (let i = 0, made = 0; made < REFORMULATIONS && i < REFORMULATIONS * 3; i++) {
    const k = Math.floor(rand() * ITEMS);
    const text = variant(variant(messages[k]));
    const key = `${k}:${toTemplate(text)}`;
    if (seen.has(key)) continue;
    seen.add(key);
    made++;
    phraseRows.push([randomUUID(), itemIds[k], bot.id, 'REFORMULATION', text, toTemplate(text).slice(0, 500), true]);
  }
  await insert('knowledge_item', ['id', 'bot_id', 'domain_id', 'kind', 'title', 'message', 'dialog', 'status', 'published_at', 'caused_messages', 'linked_ticket_refs'], itemRows);
  await db.query('begin');
  await db.query('create temporary table tmp_phrase (like knowledge_phrase including defaults) on commit drop');
  await insert('tmp_phrase', ['id', 'item_id', 'bot_id', 'kind', 'text', 'template', 'active'], phraseRows);
  // bulk load: the word dictionary is counted once afterwards rather than row by row by the trigger
  await db.query('alter table knowledge_phrase disable trigger knowledge_phrase_words');
  await db.query('insert into knowledge_phrase select * from tmp_phrase on conflict do nothing');
  await db.query('alter table knowledge_phrase enable trigger knowledge_phrase_words');
  await db.query(`insert into knowledge_word (word, phrase_count)
    select w, count(*) from (select distinct id, unnest(string_to_array(template, ' ')) as w from knowledge_phrase) x where w <> '' group by w
    on conflict (word) do update set phrase_count = excluded.phrase_count`);
  await db.query('commit');
  await db.query(`create index "knowledge_phrase_words_gin" on "knowledge_phrase" using gin (string_to_array("template", ' '))`);
  await db.query('analyze');
  const { rows: counts } = await db.query(`select (select count(*) from knowledge_item)::int items, (select count(*) from knowledge_phrase where kind = 'REFORMULATION')::int reformulations, (select count(*) from knowledge_phrase)::int phrases`);
  console.log(`seeded ${counts[0].items} items, ${counts[0].reformulations} reformulations (${counts[0].phrases} phrases) in ${((Date.now() - t0) / 1000).toFixed(1)} s`);

  /* ---------- queries users send ---------- */
  const queries: string[] = [];
  const kinds: string[] = [];
  const expected: string[] = [];
  let current = "";
  const add = (kind: string, text: string) => (kinds.push(kind), expected.push(current.slice(0, 300)), queries.push(text));
  for (let i = 0; i < MATCH_RUNS; i++) {
    const m = (current = pick(messages));
    const r = rand();
    if (r < 0.3) add('pasted with prefix and numbers', `Erreur dans le système de gestion : ${m} ${1500000000 + i}/0000${i % 10}`);
    else if (r < 0.55) add('two typos', typo(typo(m)));
    else if (r < 0.7) add('cut off at 70 %', m.slice(0, Math.floor(m.length * 0.7)));
    else if (r < 0.85) add('extra lines around', `Bonjour,\nj'ai ce message :\n${m}\nMerci`);
    else add('out of scope', pick(['Mon imprimante ne fonctionne plus', 'Le serveur de messagerie ne répond pas', 'Bonjour', 'Impossible d’ouvrir Outlook', 'Teams se déconnecte pendant les réunions']));
  }
  const thresholds = thresholdsOf(bot);
  if (process.env.BENCH_SEED_ONLY) {
    await db.end();
    await orm.close(true);
    return;
  }
  const lookupTemplates = messages.slice(0, 200).map((m) => toTemplate(m));

  // warm-up
  for (let i = 0; i < 100; i++) await matchMessage(em, bot.id, queries[i], thresholds);

  const baseline: number[] = [];
  for (let i = 0; i < MATCH_RUNS; i++) {
    const s = performance.now();
    await em.getConnection().execute('select item_id from knowledge_phrase where bot_id = ? and template = ? and active limit 20', [bot.id, lookupTemplates[i % lookupTemplates.length]]);
    baseline.push(performance.now() - s);
  }
  const match: number[] = [];
  const outcomes: Record<string, number> = {};
  const byKind = new Map<string, number[]>();
  let top1 = 0;
  let inScope = 0;
  for (const [i, q] of queries.entries()) {
    const s = performance.now();
    const r = await matchMessage(em, bot.id, q, thresholds);
    const ms = performance.now() - s;
    match.push(ms);
    byKind.set(kinds[i], [...(byKind.get(kinds[i]) ?? []), ms]);
    outcomes[`${kinds[i]}: ${r.outcome}`] = (outcomes[`${kinds[i]}: ${r.outcome}`] ?? 0) + 1;
    if (kinds[i] !== 'out of scope') {
      inScope++;
      if (r.outcome !== 'NONE' && r.candidates[0]?.title === expected[i]) top1++;
    }
  }

  /* ---------- full sendMessage round trips over HTTP at 32 concurrent conversations ---------- */
  const config = loadConfig({ NODE_ENV: 'test', PORT: '0', HOST: '127.0.0.1', LOG_LEVEL: 'silent', DATABASE_URL: databaseUrl });
  const server = await startServer(config, orm, logger);
  const { rows: people } = await db.query(`select id from person where active order by created_at limit $1`, [CONCURRENCY]);
  const tokens = await Promise.all(people.map((p: { id: string }) => mintToken(config.jwt, p.id)));
  const gql = async (token: string, query: string, variables: object) => {
    const res = await fetch(server.url, { method: 'POST', headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` }, body: JSON.stringify({ query, variables }) });
    const body = (await res.json()) as { errors?: unknown; data?: any };
    if (body.errors) throw new Error(JSON.stringify(body.errors));
    return body.data;
  };
  const START = `mutation($input: StartConversationInput!) { startConversation(input: $input) { conversation { id } userErrors { code } } }`;
  const SEND = `mutation($input: SendMessageInput!) { sendMessage(input: $input) { turn { texts buttons { id label } } userErrors { code message } } }`;
  const VIEWER = `{ viewer { kind roles } }`;
  const conversations = await Promise.all(tokens.map(async (t) => (await gql(t, START, { input: { bot: 'IZIA' } })).startConversation.conversation.id as string));

  const concurrent = async (work: (worker: number, i: number) => Promise<unknown>) => {
    const times: number[] = [];
    await Promise.all(
      tokens.map(async (_, w) => {
        for (let i = 0; i < ROUND_TRIPS_PER_CONVERSATION; i++) {
          const s = performance.now();
          await work(w, i);
          times.push(performance.now() - s);
        }
      }),
    );
    return times;
  };
  await concurrent((w) => gql(tokens[w], VIEWER, {})); // warm-up
  const viewerTimes = await concurrent((w) => gql(tokens[w], VIEWER, {}));
  const wall = performance.now();
  const sendTimes = await concurrent((w, i) => gql(tokens[w], SEND, { input: { conversationId: conversations[w], text: queries[(w * ROUND_TRIPS_PER_CONVERSATION + i) % queries.length] } }));
  const sendWall = (performance.now() - wall) / 1000;

  const b = stats(baseline);
  const m = stats(match);
  const v = stats(viewerTimes);
  const r = stats(sendTimes);
  console.log(`\nmatch outcomes over ${queries.length} queries:`);
  for (const [k, n] of Object.entries(outcomes).sort()) console.log(`  ${k.padEnd(48)} ${n}`);
  console.log(`  in-scope synthetic queries with the expected item first: ${((top1 / inScope) * 100).toFixed(1)} % (${top1}/${inScope})`);
  console.log(`\n${'measure'.padEnd(62)}${'n'.padStart(7)}${'median ms'.padStart(11)}${'p99 ms'.padStart(9)}  ratio (median, p99)`);
  console.log(`${'baseline: indexed lookup of one template (btree, SQL)'.padEnd(62)}${String(b.n).padStart(7)}  ${fmt(b.median)} ${fmt(b.p99)}`);
  console.log(`${'matchMessage (normalise + exact + pg_trgm, SQL)'.padEnd(62)}${String(m.n).padStart(7)}  ${fmt(m.median)} ${fmt(m.p99)}  ×${(m.median / b.median).toFixed(1)}, ×${(m.p99 / b.p99).toFixed(1)}`);
  for (const [k, t] of [...byKind.entries()].sort()) {
    const x = stats(t);
    console.log(`${`  matchMessage, ${k}`.padEnd(62)}${String(x.n).padStart(7)}  ${fmt(x.median)} ${fmt(x.p99)}  ×${(x.median / b.median).toFixed(1)}, ×${(x.p99 / b.p99).toFixed(1)}`);
  }
  console.log(`${`baseline: { viewer } over HTTP, ${CONCURRENCY} concurrent`.padEnd(62)}${String(v.n).padStart(7)}  ${fmt(v.median)} ${fmt(v.p99)}`);
  console.log(`${`sendMessage round trip over HTTP, ${CONCURRENCY} concurrent conversations`.padEnd(62)}${String(r.n).padStart(7)}  ${fmt(r.median)} ${fmt(r.p99)}  ×${(r.median / v.median).toFixed(1)}, ×${(r.p99 / v.p99).toFixed(1)}`);
  console.log(`sendMessage throughput: ${(r.n / sendWall).toFixed(0)} messages/s`);
  console.log(`\ntarget match median ≤ 10 ms: ${m.median <= 10 ? 'met' : 'NOT met'} (${m.median.toFixed(2)} ms)`);

  await new Promise((r) => setTimeout(r, 2000)); // let the NOTIFY backlog of turn events drain
  await server.close();
  await db.end();
  await orm.close(true);
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
