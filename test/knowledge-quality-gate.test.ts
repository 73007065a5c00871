import { readFileSync, writeFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { Bot } from '../packages/server/src/knowledge/bot.entity';
import { MatchOutcome } from '../packages/server/src/knowledge/knowledge.enums';
import { thresholdsOf } from '../packages/server/src/knowledge/knowledge.service';
import { matchMessage } from '../packages/server/src/knowledge/matching.service';
import { GENERATED_FILE, generateEvalSet, type GeneratedSet } from './fixtures/generate-izia-eval';
import { startTestServer } from './support/server';

/**
 * The quality gate of the matcher, on the demo knowledge seed and the bot's own
 * thresholds: top-1 accuracy ≥ 97 % on realistic in-scope pastes, at most 2 % of
 * out-of-scope lines answered with confidence. Prints both figures for the whole set, for
 * the part tuned on, and for the held-out part (drawn before any tuning, never tuned on).
 *
 * The set: hand-written pastes (fixtures/izia-matching-handwritten.json, tuned on) and the
 * seeded generator's pastes (fixtures/generate-izia-eval.ts → izia-matching-generated.json).
 * `WRITE_FIXTURES=1` rewrites the generated file instead of checking it.
 */
type Paste = { text: string; expected: string[]; split: 'tune' | 'heldout' };
type Line = { text: string; split: 'tune' | 'heldout' };

const handwritten: { bot: string; inScope: { text: string; expected: string }[]; outOfScope: string[] } = JSON.parse(
  readFileSync(new URL('./fixtures/izia-matching-handwritten.json', import.meta.url), 'utf8'),
);
const generatedNow = generateEvalSet();
if (process.env.WRITE_FIXTURES === '1') writeFileSync(GENERATED_FILE, `${JSON.stringify(generatedNow, null, 1)}\n`);
const generated: GeneratedSet = JSON.parse(readFileSync(GENERATED_FILE, 'utf8'));

const inScope: Paste[] = [...handwritten.inScope.map((p) => ({ text: p.text, expected: [p.expected], split: 'tune' as const })), ...generated.inScope];
const outOfScope: Line[] = [...handwritten.outOfScope.map((text) => ({ text, split: 'tune' as const })), ...generated.outOfScope];

const server = await startTestServer();
const pct = (n: number, d: number) => `${((n / Math.max(d, 1)) * 100).toFixed(1)} %`;

describe('matching quality gate (test/fixtures/)', () => {
  it('the committed generated set is what the seeded generator writes (same pastes, same split)', () => {
    expect(generated).toEqual(generatedNow);
    // the noise the issue asks for is drawn at least once each
    const noises = new Set(generated.inScope.flatMap((p) => p.noise));
    for (const n of ['prefix', 'greetings', 'typo', 'no-accents', 'cut-off', 'line-break', 'abbreviations']) expect(noises).toContain(n);
  });

  it('ranks an expected item first for ≥ 97 % of ≥ 400 in-scope pastes and is confident on ≤ 2 % of ≥ 100 out-of-scope lines', async () => {
    expect(inScope.length).toBeGreaterThanOrEqual(400);
    expect(outOfScope.length).toBeGreaterThanOrEqual(100);
    const em = server.orm.em.fork();
    const bot = await em.findOneOrFail(Bot, { code: handwritten.bot });
    const thresholds = thresholdsOf(bot);

    const tally = { tune: { n: 0, top1: 0, confident: 0, on: 0, oc: 0 }, heldout: { n: 0, top1: 0, confident: 0, on: 0, oc: 0 } };
    const misses: string[] = [];
    for (const { text, expected, split } of inScope) {
      const r = await matchMessage(em, bot.id, text, thresholds);
      const first = r.candidates[0];
      tally[split].n++;
      if (r.outcome !== MatchOutcome.NONE && first && expected.includes(first.title)) {
        tally[split].top1++;
        if (r.outcome === MatchOutcome.CONFIDENT) tally[split].confident++;
      } else {
        misses.push(`  [${split}] ${JSON.stringify(text.slice(0, 100))} → ${r.outcome} ${first ? `${JSON.stringify(first.title)} ${first.score}` : '(none)'} (expected ${JSON.stringify(expected[0])})`);
      }
    }
    const wrongConfident: string[] = [];
    for (const { text, split } of outOfScope) {
      const r = await matchMessage(em, bot.id, text, thresholds);
      tally[split].on++;
      if (r.outcome === MatchOutcome.CONFIDENT) {
        tally[split].oc++;
        wrongConfident.push(`  [${split}] ${JSON.stringify(text)} → ${JSON.stringify(r.candidates[0].title)} ${r.candidates[0].score}`);
      }
    }

    const all = { n: tally.tune.n + tally.heldout.n, top1: tally.tune.top1 + tally.heldout.top1, confident: tally.tune.confident + tally.heldout.confident, on: tally.tune.on + tally.heldout.on, oc: tally.tune.oc + tally.heldout.oc };
    const line = (name: string, t: typeof all) =>
      `  ${name.padEnd(9)} top-1 ${pct(t.top1, t.n)} (${t.top1}/${t.n}), confident and right ${pct(t.confident, t.n)}; out of scope confident ${pct(t.oc, t.on)} (${t.oc}/${t.on})`;
    console.log(
      [
        `matching quality gate — IZIA, thresholds ${JSON.stringify(thresholds)}`,
        line('all', all),
        line('tuned', tally.tune),
        line('held-out', tally.heldout),
        ...(misses.length ? ['  in-scope misses:', ...misses] : []),
        ...(wrongConfident.length ? ['  confident out-of-scope:', ...wrongConfident] : []),
      ].join('\n'),
    );
    expect(all.top1 / all.n).toBeGreaterThanOrEqual(0.97);
    expect(all.oc / all.on).toBeLessThanOrEqual(0.02);
    // the part never tuned on holds the same bar
    expect(tally.heldout.top1 / tally.heldout.n).toBeGreaterThanOrEqual(0.97);
    expect(tally.heldout.oc / tally.heldout.on).toBeLessThanOrEqual(0.02);
  });
});
