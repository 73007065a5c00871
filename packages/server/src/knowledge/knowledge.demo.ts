import type { EntityManager } from '@mikro-orm/postgresql';
import { Bot, BotDomain } from './bot.entity';
import { KnowledgeItem, KnowledgePhrase, KnowledgePublication } from './knowledge-item.entity';
import { KnowledgeKind, KnowledgeStatus, PhraseKind, PublicationAction } from './knowledge.enums';
import { SEED_BOTS, SEED_ITEMS } from './knowledge.seed-data';
import { ownPhrases } from './knowledge.service';
import { NO_ABBREVIATIONS, toTemplate, type Abbreviations } from './normalise';

/** IZIA and IANIS with their menus, and every seed item published (with its reformulations). */
export function seedDemoKnowledge(em: EntityManager, abbr: Abbreviations = NO_ABBREVIATIONS): { bots: Map<string, Bot>; items: KnowledgeItem[] } {
  const bots = new Map<string, Bot>();
  const domains = new Map<string, BotDomain>();
  for (const b of SEED_BOTS) {
    const bot = em.create(Bot, { code: b.code, name: b.name, applications: b.applications, welcomeText: b.welcomeText, fallbackText: b.fallbackText });
    bots.set(b.code, bot);
    b.domains.forEach((d, i) => domains.set(`${b.code}/${d.code}`, em.create(BotDomain, { bot, code: d.code, label: d.label, role: d.role, troubleDomain: d.troubleDomain, position: (i + 1) * 10 })));
  }
  const positions = new Map<string, number>();
  const publishedAt = new Date('2021-07-01T08:00:00Z');
  const items = SEED_ITEMS.map((s) => {
    const key = `${s.bot}/${s.domain}`;
    const position = (positions.get(key) ?? 0) + 10;
    positions.set(key, position);
    const bot = bots.get(s.bot)!;
    const item = em.create(KnowledgeItem, {
      bot,
      domain: domains.get(key)!,
      kind: s.kind,
      title: s.title,
      message: s.message ?? null,
      dialog: s.dialog,
      status: KnowledgeStatus.PUBLISHED,
      position,
      publishedAt,
      investigationStatus: s.incident?.status ?? null,
      causedMessages: s.incident?.causedMessages ?? [],
      workaround: s.incident?.workaround ?? null,
      ticketAdvised: s.kind === KnowledgeKind.MAJOR_INCIDENT ? (s.incident?.ticketAdvised ?? false) : false,
    });
    const taken = new Set<string>();
    for (const p of ownPhrases(item, abbr)) {
      taken.add(p.template);
      em.create(KnowledgePhrase, { item, bot, kind: p.kind, text: p.text, template: p.template, active: true });
    }
    for (const text of s.reformulations ?? []) {
      const template = toTemplate(text, abbr);
      if (taken.has(template)) continue;
      taken.add(template);
      em.create(KnowledgePhrase, { item, bot, kind: PhraseKind.REFORMULATION, text, template, active: true });
    }
    em.create(KnowledgePublication, { item, action: PublicationAction.PUBLISHED, version: 1, by: null, note: 'Reprise de la base de connaissances IZIA.', createdAt: publishedAt });
    return item;
  });
  return { bots, items };
}
