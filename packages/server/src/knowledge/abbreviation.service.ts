import type { EntityManager } from '@mikro-orm/postgresql';
import type { Viewer } from '../core/context';
import { CoreErrorCode, DomainError } from '../core/errors';
import { M } from './knowledge.messages';
import { KnowledgeAbbreviation } from './abbreviation.entity';
import { KnowledgePhrase } from './knowledge-item.entity';
import { assertMayEditKnowledge } from './knowledge.service';
import { KnowledgeErrorCode } from './knowledge.errors';
import { AuditAction } from '../audit/audit.enums';
import { recordAudit, snapshot } from '../audit/audit.service';
import { compileAbbreviations, foldShortForm, toTemplate, type Abbreviations } from './normalise';

/** The abbreviations as the matcher uses them; one small query (the table holds tens of rows). */
export async function loadAbbreviations(em: EntityManager): Promise<Abbreviations> {
  const rows: { short_form: string; expansion: string; only_with_dot: boolean }[] = await em.execute(
    'select short_form, expansion, only_with_dot from knowledge_abbreviation order by short_form',
  );
  return compileAbbreviations(rows.map((r) => ({ shortForm: r.short_form, expansion: r.expansion, onlyWithDot: r.only_with_dot })));
}

export async function listAbbreviations(em: EntityManager): Promise<KnowledgeAbbreviation[]> {
  return em.find(KnowledgeAbbreviation, {}, { orderBy: { shortForm: 'asc' } });
}

/**
 * Adds an abbreviation, or changes what an existing one reads as, then recomputes every
 * stored phrase's template so the knowledge and the pastes are read the same way.
 */
const ABBREVIATION_AUDITED = ['shortForm', 'expansion', 'onlyWithDot'] as const;

export async function setAbbreviation(em: EntityManager, viewer: Viewer, input: { shortForm: string; expansion: string; onlyWithDot?: boolean | null }): Promise<KnowledgeAbbreviation> {
  assertMayEditKnowledge(viewer);
  const shortForm = foldShortForm(input.shortForm);
  if (!/^[a-z0-9]{1,40}$/.test(shortForm)) {
    throw new DomainError(KnowledgeErrorCode.ABBREVIATION_INVALID, M['ABBREVIATION_INVALID.shortForm'](), ['shortForm']);
  }
  const expansion = input.expansion.trim().replace(/\s+/g, ' ');
  if (!/[\p{L}]{2}/u.test(expansion) || foldShortForm(expansion) === shortForm) {
    throw new DomainError(KnowledgeErrorCode.ABBREVIATION_INVALID, M['ABBREVIATION_INVALID.expansion'](), ['expansion']);
  }
  return em.transactional(async (tx) => {
    // one editor at a time rebuilds the templates
    await tx.execute('select pg_advisory_xact_lock(hashtext(?))', ['knowledge:abbreviations']);
    const existing = await tx.findOne(KnowledgeAbbreviation, { shortForm });
    const before = existing ? snapshot(existing, ABBREVIATION_AUDITED) : null;
    const abbr = existing ?? tx.create(KnowledgeAbbreviation, { shortForm, expansion });
    abbr.expansion = expansion;
    abbr.onlyWithDot = input.onlyWithDot ?? existing?.onlyWithDot ?? false;
    recordAudit(tx, viewer, { action: AuditAction.ABBREVIATION_SET, target: abbr, before, after: snapshot(abbr, ABBREVIATION_AUDITED) });
    await tx.flush();
    await rebuildTemplates(tx);
    return abbr;
  });
}

export async function removeAbbreviation(em: EntityManager, viewer: Viewer, id: string): Promise<KnowledgeAbbreviation> {
  assertMayEditKnowledge(viewer);
  return em.transactional(async (tx) => {
    await tx.execute('select pg_advisory_xact_lock(hashtext(?))', ['knowledge:abbreviations']);
    const abbr = await tx.findOne(KnowledgeAbbreviation, { id });
    if (!abbr) throw new DomainError(CoreErrorCode.NOT_FOUND, M['NOT_FOUND.abbreviation'](), ['id']);
    recordAudit(tx, viewer, { action: AuditAction.ABBREVIATION_REMOVED, target: abbr, before: snapshot(abbr, ABBREVIATION_AUDITED), after: null });
    tx.remove(abbr);
    await tx.flush();
    await rebuildTemplates(tx);
    return abbr;
  });
}

/**
 * Recomputes every phrase's template with the current abbreviations. Two phrases of one
 * item that now read the same keep one (its own message before a listed message, a title
 * or a reformulation). The word dictionary follows through its trigger.
 */
export async function rebuildTemplates(em: EntityManager): Promise<number> {
  const abbr = await loadAbbreviations(em);
  const phrases = await em.find(KnowledgePhrase, {}, { orderBy: { item: 'asc', kind: 'asc', createdAt: 'asc', id: 'asc' } });
  const kept = new Set<string>();
  const removed: string[] = [];
  const updates: [KnowledgePhrase, string][] = [];
  for (const p of phrases) {
    const template = toTemplate(p.text, abbr).slice(0, 500);
    const key = `${p.item.id}\u0000${template}`;
    if (kept.has(key) || !template) removed.push(p.id);
    else {
      kept.add(key);
      if (p.template !== template) updates.push([p, template]);
    }
  }
  // removals first: a kept phrase may take the template a removed one held
  if (removed.length) await em.nativeDelete(KnowledgePhrase, { id: { $in: removed } });
  for (const [p, template] of updates) p.template = template;
  await em.flush();
  const changed = removed.length + updates.length;
  return changed;
}
