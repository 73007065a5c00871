/**
 * Bulk import of knowledge items (a knowledge editor loads a batch of messages and their
 * answers), through the shared import engine (core/bulk-import): CSV or JSON, a dry run
 * reported line by line, an all-or-nothing apply, and a re-import that changes nothing.
 * Items are matched by bot and title (case and spacing aside). Each line is checked by
 * the item rules themselves (itemFieldsProblem) and written by the knowledge service
 * (createItem, updateItem, publishItem), so phrases, versions and publication history
 * follow as they do for one item at a time.
 */
import type { EntityManager } from '@mikro-orm/postgresql';
import { ImportAction, ImportSection, readImportRows, runImport, type ImportFormat, type ImportReportData } from '../core/bulk-import';
import type { Viewer } from '../core/context';
import { CoreErrorCode, DomainError } from '../core/errors';
import type { Text } from '../core/i18n';
import { M } from './knowledge.messages';
import { Bot, BotDomain } from './bot.entity';
import { singleAnswer, type DialogData, type DialogNodeData } from './dialog';
import { KnowledgeItem } from './knowledge-item.entity';
import { DialogNodeKind, KnowledgeKind, KnowledgeStatus } from './knowledge.enums';
import { cleanDialog, createItem, EDITORS, itemFieldsProblem, publishItem, updateItem, type ItemFields } from './knowledge.service';
import { AuditAction } from '../audit/audit.enums';
import { auditImport } from '../audit/audit.service';
import { Role } from '../core/roles';

export interface KnowledgeImportInput {
  format: ImportFormat | 'CSV' | 'JSON';
  /** CSV, columns `bot,domain,kind,title,message,answer,list,listPosition,position,publish`. */
  items?: string | null;
  /** JSON: `{ "items": [...] }`, the CSV columns as keys (answer and list may be arrays). */
  json?: string | null;
  dryRun: boolean;
}

const KINDS = new Set<string>(Object.values(KnowledgeKind));
const TRUE = new Set(['true', 'yes', 'oui', '1']);
const FALSE = new Set(['', 'false', 'no', 'non', '0']);

/** The matching form of a title: trimmed, spaces collapsed, lower case. */
const titleKey = (t: string) => t.trim().replace(/\s+/g, ' ').toLowerCase();
/** One bubble (or list item) per line of the cell. */
const linesOf = (cell: string | undefined) => (cell ?? '').split(/\r?\n/).map((l) => l.trim()).filter(Boolean);
const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);
const short = (s: string | null) => (s == null ? '—' : s.length > 60 ? `${s.slice(0, 57)}…` : s);

export async function importKnowledgeItems(em: EntityManager, viewer: Viewer, input: KnowledgeImportInput): Promise<ImportReportData> {
  const mayEditAll = EDITORS.some((r) => viewer.roles.has(r));
  if (!mayEditAll && !viewer.roles.has(Role.SN2_AGENT)) throw new DomainError(CoreErrorCode.FORBIDDEN, M['FORBIDDEN.knowledgeImport']());
  const rows = await readImportRows<ImportSection.KNOWLEDGE_ITEMS>(input.format, [{ section: ImportSection.KNOWLEDGE_ITEMS, field: 'items', csv: input.items, jsonKey: 'items', arrayJoin: '\n' }], input.json);
  const S = ImportSection.KNOWLEDGE_ITEMS;

  return runImport(em, input.dryRun, async (tx, log) => {
    // three reads whatever the size of the file
    const bots = new Map((await tx.find(Bot, {})).map((b) => [b.code, b]));
    const domains = new Map((await tx.find(BotDomain, {})).map((d) => [`${d.bot.id}|${d.code}`, d]));
    const existing = new Map<string, KnowledgeItem[]>();
    const named = [...new Set(rows.KNOWLEDGE_ITEMS.map((r) => bots.get((r.data.bot ?? '').toUpperCase())?.id).filter((id): id is string => !!id))];
    for (const item of await tx.find(KnowledgeItem, { bot: { $in: named } }, { orderBy: { id: 'asc' } })) {
      const k = `${item.bot.id}|${titleKey(item.title)}`;
      existing.set(k, [...(existing.get(k) ?? []), item]);
    }

    const writes: (() => Promise<void>)[] = [];
    const inFile = new Set<string>();
    for (const { line, data } of rows.KNOWLEDGE_ITEMS) {
      const botCode = (data.bot ?? '').toUpperCase();
      const title = (data.title ?? '').trim().replace(/\s+/g, ' ');
      const key = `${botCode} ${title}`;
      const refuse = (text: Text) => log.refuse(S, line, key, text.render());
      const bot = bots.get(botCode);
      if (!bot) { refuse(M['KNOWLEDGE_IMPORT.unknownBot']({ code: data.bot ?? '' })); continue; }
      if (!title || title.length > 300) { refuse(M['KNOWLEDGE_IMPORT.title']()); continue; }
      const match = `${bot.id}|${titleKey(title)}`;
      if (inFile.has(match)) { refuse(M['KNOWLEDGE_IMPORT.titleTwice']({ title, bot: bot.code })); continue; }
      inFile.add(match);
      const domain = domains.get(`${bot.id}|${(data.domain ?? '').toUpperCase()}`);
      if (!domain) { refuse(M['KNOWLEDGE_IMPORT.unknownDomain']({ bot: bot.code, code: data.domain ?? '' })); continue; }
      const matches = existing.get(match) ?? [];
      if (matches.length > 1) { refuse(M['KNOWLEDGE_IMPORT.ambiguousTitle']({ count: matches.length, bot: bot.code })); continue; }
      const item = matches[0] ?? null;
      // an empty kind keeps a known item's; a new one is an error message when it has one, else a how-to
      const kind = (data.kind || item?.kind || (data.message ? KnowledgeKind.ERROR_MESSAGE : KnowledgeKind.HOW_TO)) as KnowledgeKind;
      if (!KINDS.has(kind)) { refuse(M['KNOWLEDGE_IMPORT.kind']({ kinds: [...KINDS].join(', ') })); continue; }
      if (!mayEditAll && kind !== KnowledgeKind.MAJOR_INCIDENT) { refuse(M['KNOWLEDGE_IMPORT.sn2MajorIncidentsOnly']()); continue; }
      const publish = (data.publish ?? '').toLowerCase();
      if (!TRUE.has(publish) && !FALSE.has(publish)) { refuse(M['KNOWLEDGE_IMPORT.publish']()); continue; }
      const intOf = (name: string, max: number): number | null | undefined => {
        const v = data[name] ?? '';
        if (v === '') return null;
        return /^\d+$/.test(v) && Number(v) <= max ? Number(v) : undefined;
      };
      const listPosition = intOf('listPosition', 10);
      const position = intOf('position', 100_000);
      if (listPosition === undefined) { refuse(M['KNOWLEDGE_IMPORT.listPosition']()); continue; }
      if (position === undefined) { refuse(M['KNOWLEDGE_IMPORT.position']()); continue; }
      const texts = linesOf(data.answer);
      const list = linesOf(data.list);
      const message = data.message?.trim() || null;

      if (item?.status === KnowledgeStatus.ARCHIVED) { refuse(M['KNOWLEDGE_IMPORT.archived']()); continue; }
      const oneAnswer = !item || (item.dialog.nodes.length === 1 && item.dialog.nodes[0].kind === DialogNodeKind.ANSWER);
      const answerNode: DialogNodeData | undefined = item?.dialog.nodes.find((n) => n.id === item.dialog.start);
      // a known single-answer item keeps its action buttons (the import has no column for them)
      const dialog: DialogData = cleanDialog(singleAnswer(texts, oneAnswer ? (answerNode?.actions ?? []) : [], list, listPosition));
      const fields: Omit<ItemFields, 'domainId'> = { kind, title, message, dialog, position: position ?? undefined };
      const wantPublished = TRUE.has(publish) || item?.status === KnowledgeStatus.PUBLISHED;
      const problem = itemFieldsProblem(domain, fields, { publish: wantPublished });
      if (problem) { refuse(problem); continue; }

      if (!item) {
        log.record(S, line, key, ImportAction.CREATE);
        writes.push(async () => {
          const created = await createItem(tx, viewer, bot.id, { ...fields, domainId: domain.id });
          if (TRUE.has(publish)) await publishItem(tx, viewer, created.id, 'Bulk import');
        });
        continue;
      }
      const changes: string[] = [];
      if (item.title !== title) changes.push(`title: ${short(item.title)} → ${short(title)}`);
      if (item.kind !== kind) changes.push(`kind: ${item.kind} → ${kind}`);
      if (item.domain.id !== domain.id) changes.push(`domain → ${domain.code}`);
      if ((item.message ?? null) !== message) changes.push(`message: ${short(item.message)} → ${short(message)}`);
      if (position != null && item.position !== position) changes.push(`position: ${item.position} → ${position}`);
      const dialogChanged = !same(cleanDialog(item.dialog), dialog);
      if (dialogChanged && !oneAnswer) { refuse(M['KNOWLEDGE_IMPORT.dialogQuestions']()); continue; }
      if (dialogChanged) changes.push('answer');
      const publishNow = TRUE.has(publish) && item.status !== KnowledgeStatus.PUBLISHED;
      if (publishNow) changes.push(`status: ${item.status} → PUBLISHED`);
      if (!changes.length) { log.record(S, line, key, ImportAction.UNCHANGED); continue; }
      log.record(S, line, key, ImportAction.CHANGE, changes);
      writes.push(async () => {
        if (changes.some((c) => !c.startsWith('status:'))) await updateItem(tx, viewer, item.id, { ...fields, domainId: domain.id, dialog: dialogChanged ? dialog : undefined }, 'Bulk import');
        if (publishNow) await publishItem(tx, viewer, item.id, 'Bulk import');
      });
    }
    return async () => {
      for (const w of writes) await w();
    };
  }, auditImport(viewer, AuditAction.KNOWLEDGE_IMPORTED, 'KnowledgeImport'));
}
