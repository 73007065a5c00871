/**
 * The erasure of a person's personal data (RGPD, right to erasure), at an administrator's
 * request. The person row stays, so every foreign key, history and statistic keeps its
 * counts; what identifies them goes: names and email replaced by a pseudonym, their
 * correspondent roles ended, own roles dropped, account deactivated (their tokens stop
 * at once: authentication reads `active`, and the credentials cache hears of the change).
 * What they wrote is kept but no longer signed: their ticket comments lose their author;
 * their chatbot conversations belong to the pseudonym. Mails addressed to them (the outbox
 * keeps their address and bodies) and their notification settings are deleted, mails to
 * others that name them name the pseudonym instead, and the
 * audit entries about them have their names and email blanked. One transaction, recorded
 * in the audit.
 */
import { pgArray } from '../core/sql';
import type { EntityManager } from '@mikro-orm/postgresql';
import { PERSONAL_DATA_ERASERS } from '../access/policies';
import { AuditEntry } from '../audit/audit-entry.entity';
import { AuditAction } from '../audit/audit.enums';
import { recordAudit } from '../audit/audit.service';
import type { Viewer } from '../core/context';
import { CoreErrorCode, DomainError } from '../core/errors';
import { escapeHtml } from '../core/text';
import { CorrespondentAssignment } from '../directory/correspondent-assignment.entity';
import { Person } from '../directory/person.entity';
import { PrivacyErrorCode } from './privacy.errors';
import { PRIVACY_MESSAGES as M } from './privacy.messages';
import { roleList } from '../core/roles';

/** The name an erased person gets: "Personne effacée #1a2b3c4d". */
export const ERASED_FIRST_NAME = 'Personne effacée';
export const erasedLastName = (personId: string) => `#${personId.slice(0, 8)}`;
/** Unique (the id), never deliverable (.invalid, RFC 2606). */
export const erasedEmail = (personId: string) => `effacee-${personId}@personne-effacee.invalid`;
/** The person fields the audit keeps that identify someone, blanked in the entries about an erased person. */
const PERSONAL_FIELDS = ['firstName', 'lastName', 'email'];
const BLANK = '[effacé]';

export function assertMayErase(viewer: Viewer): void {
  if (!PERSONAL_DATA_ERASERS.some((r) => viewer.roles.has(r))) throw new DomainError(CoreErrorCode.FORBIDDEN, M['FORBIDDEN.erasure']({ roles: roleList(PERSONAL_DATA_ERASERS) }));
}

export async function erasePerson(em: EntityManager, viewer: Viewer, personId: string): Promise<Person> {
  assertMayErase(viewer);
  if (viewer.kind === 'PERSON' && viewer.id === personId) throw new DomainError(PrivacyErrorCode.CANNOT_ERASE_YOURSELF, M.CANNOT_ERASE_YOURSELF(), ['personId']);
  return em.transactional(async (tx) => {
    // one erasure at a time for a person: the row's lock
    const locked = await tx.execute('select id from person where id = ? for update', [personId]);
    if (!locked.length) throw new DomainError(CoreErrorCode.NOT_FOUND, M['NOT_FOUND.person'](), ['personId']);
    const person = await tx.findOneOrFail(Person, { id: personId }, { refresh: true });
    if (await tx.count(AuditEntry, { action: AuditAction.PERSON_ERASED, targetType: 'Person', targetId: personId })) {
      throw new DomainError(PrivacyErrorCode.PERSON_ALREADY_ERASED, M.PERSON_ALREADY_ERASED(), ['personId']);
    }
    const now = new Date();
    const before = { active: person.active, heldRoles: [...person.heldRoles] };
    const formerly = { fullName: person.fullName, email: person.email };

    person.firstName = ERASED_FIRST_NAME;
    person.lastName = erasedLastName(person.id);
    person.email = erasedEmail(person.id);
    person.heldRoles = [];
    person.active = false;
    const running = await tx.find(CorrespondentAssignment, { person, $or: [{ until: null }, { until: { $gt: now } }] });
    for (const a of running) {
      if (a.since > now) a.since = now;
      a.until = now;
      a.endReason = 'Effacement des données personnelles (RGPD)';
    }
    await tx.flush();

    // what they wrote stays, unsigned
    const comments = await tx.execute<{ n: number }[]>('with c as (update ticket_comment set author_id = null where author_id = ? returning 1) select count(*)::int as n from c', [person.id]);
    // mails to them (address, rendered bodies) and their mail settings
    await tx.execute('delete from notification where recipient_id = ?', [person.id], 'run');
    // mails to others that name them (a comment's author, an assignee): the pseudonym instead, as text and as HTML
    for (const [was, now] of [
      [formerly.fullName, person.fullName],
      [formerly.email, person.email],
      [escapeHtml(formerly.fullName), escapeHtml(person.fullName)],
    ]) {
      if (!was) continue;
      await tx.execute(
        `update notification set subject = replace(subject, ?, ?), text_body = replace(text_body, ?, ?), html_body = replace(html_body, ?, ?)
          where strpos(subject, ?) > 0 or strpos(text_body, ?) > 0 or strpos(html_body, ?) > 0`,
        [was, now, was, now, was, now, was, was, was],
        'run',
      );
    }
    await tx.execute('delete from notification_preference where person_id = ?', [person.id], 'run');
    await tx.execute('delete from notification_reply_address where person_id = ?', [person.id], 'run');
    await tx.execute('delete from mail_action_use where person_id = ?', [person.id], 'run');
    // the audit's entries about them keep what changed, not who they were (the only rewrite the audit table allows)
    await tx.execute(`select set_config('chorus.erasing_person', ?, true)`, [person.id]);
    const blank = (col: string) =>
      `case when ${col} is null then null else (select jsonb_object_agg(k, case when k = any(?::text[]) and v <> 'null'::jsonb then to_jsonb(?::text) else v end) from jsonb_each(${col}) as e(k, v)) end`;
    await tx.execute(
      `update audit_entry set before = ${blank('before')}, after = ${blank('after')} where target_type = 'Person' and target_id = ?`,
      [pgArray(PERSONAL_FIELDS), BLANK, pgArray(PERSONAL_FIELDS), BLANK, person.id],
      'run',
    );
    await tx.execute(`select set_config('chorus.erasing_person', '', true)`);

    recordAudit(tx, viewer, {
      action: AuditAction.PERSON_ERASED,
      target: person,
      before,
      after: { active: false, heldRoles: [], pseudonym: person.fullName, assignmentsEnded: running.length, commentsUnattributed: comments[0]?.n ?? 0 },
    });
    await tx.flush();
    return person;
  });
}
