import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { Bot } from '../packages/server/src/knowledge/bot.entity';
import { MatchOutcome } from '../packages/server/src/knowledge/knowledge.enums';
import { thresholdsOf } from '../packages/server/src/knowledge/knowledge.service';
import { matchMessage } from '../packages/server/src/knowledge/matching.service';
import { startTestServer } from './support/server';

/**
 * The quality gate of the matcher, on the demo knowledge seed and the bot's own
 * thresholds: top-1 accuracy ≥ 95 % on realistic in-scope pastes, at most 2 % of
 * out-of-scope messages answered with confidence. Prints both figures.
 */
const evalSet: { bot: string; inScope: { text: string; expected: string }[]; outOfScope: string[] } = JSON.parse(
  readFileSync(new URL('./fixtures/izia-matching-eval.json', import.meta.url), 'utf8'),
);
const server = await startTestServer();

describe('matching quality gate (test/fixtures/izia-matching-eval.json)', () => {
  it('has a labelled set of the promised size', () => {
    expect(evalSet.inScope.length).toBeGreaterThanOrEqual(150);
    expect(evalSet.outOfScope.length).toBeGreaterThanOrEqual(50);
  });

  it('ranks the expected item first for ≥ 95 % of in-scope pastes and is confident on ≤ 2 % of out-of-scope ones', async () => {
    const em = server.orm.em.fork();
    const bot = await em.findOneOrFail(Bot, { code: evalSet.bot });
    const thresholds = thresholdsOf(bot);

    const misses: string[] = [];
    let top1 = 0;
    let confidentRight = 0;
    for (const { text, expected } of evalSet.inScope) {
      const r = await matchMessage(em, bot.id, text, thresholds);
      const first = r.candidates[0];
      if (r.outcome !== MatchOutcome.NONE && first?.title === expected) {
        top1++;
        if (r.outcome === MatchOutcome.CONFIDENT) confidentRight++;
      } else {
        misses.push(`  ${JSON.stringify(text.slice(0, 90))} → ${r.outcome} ${first ? `${JSON.stringify(first.title)} ${first.score}` : '(none)'} (expected ${JSON.stringify(expected)})`);
      }
    }
    const wrongConfident: string[] = [];
    let offered = 0;
    for (const text of evalSet.outOfScope) {
      const r = await matchMessage(em, bot.id, text, thresholds);
      if (r.outcome === MatchOutcome.AMBIGUOUS) offered++;
      if (r.outcome === MatchOutcome.CONFIDENT) wrongConfident.push(`  ${JSON.stringify(text)} → ${JSON.stringify(r.candidates[0].title)} ${r.candidates[0].score}`);
    }

    const accuracy = top1 / evalSet.inScope.length;
    const falseConfident = wrongConfident.length / evalSet.outOfScope.length;
    console.log(
      [
        `matching quality gate — IZIA, thresholds ${JSON.stringify(thresholds)}`,
        `  in-scope top-1 accuracy: ${(accuracy * 100).toFixed(1)} % (${top1}/${evalSet.inScope.length}); confident and right: ${((confidentRight / evalSet.inScope.length) * 100).toFixed(1)} %`,
        `  out-of-scope answered with confidence: ${(falseConfident * 100).toFixed(1)} % (${wrongConfident.length}/${evalSet.outOfScope.length}); offered candidates (ambiguous): ${offered}`,
        ...(misses.length ? ['  in-scope misses:', ...misses] : []),
        ...(wrongConfident.length ? ['  confident out-of-scope:', ...wrongConfident] : []),
      ].join('\n'),
    );
    expect(accuracy).toBeGreaterThanOrEqual(0.95);
    expect(falseConfident).toBeLessThanOrEqual(0.02);
  });
});
