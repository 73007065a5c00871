import { Entity, Index, ManyToOne, OneToOne, Property, Unique, type Ref } from '@mikro-orm/core';
import { Field, Int, ObjectType } from 'type-graphql';
import { BaseEntity, Node } from '../core/base.entity';
import { Person } from '../directory/person.entity';
import { ApplicationClient } from '../access/application-client.entity';
import { Ticket } from '../service-desk/ticket.entity';
import { StoredFile } from './stored-file.entity';

/** A file on a ticket: public (the requesting side sees it) or internal (support levels only), like comments. */
@Entity({ tableName: 'ticket_attachment' })
@Index({ properties: ['ticket', 'createdAt'] })
// the same bytes are stored once per ticket (the service checks first under the ticket's lock; this is the guard)
@Unique({ name: 'ticket_attachment_ticket_sha256_unique', properties: ['ticket', 'sha256'] })
@ObjectType({ implements: Node, simpleResolvers: true, description: 'A file attached to a ticket (screenshot, rejected flow file, export, procedure). Public ones are seen by everyone who sees the ticket; internal ones by the support levels only.' })
export class TicketAttachment extends BaseEntity<'internal'> {
  @ManyToOne(() => Ticket, { ref: true, deleteRule: 'cascade' })
  ticket!: Ref<Ticket>;

  @OneToOne(() => StoredFile, { ref: true, owner: true, unique: true, deleteRule: 'cascade' })
  file!: Ref<StoredFile>;

  @Property({ type: 'string', length: 200 })
  @Field({ description: 'File name, sanitised (no path, no control or reserved character, at most 200 characters).' })
  name!: string;

  @Property({ type: 'string', length: 120 })
  @Field({ description: 'Media type found in the bytes themselves (never taken from the name), e.g. `image/png`, `application/xml`, `text/plain`.' })
  contentType!: string;

  @Property({ type: 'integer' })
  @Field(() => Int, { description: 'Size in bytes.' })
  size!: number;

  @Property({ type: 'string', length: 64 })
  @Field({ description: 'SHA-256 of the bytes, in hexadecimal: the same bytes are stored once per ticket.' })
  sha256!: string;

  @Property({ type: 'boolean', default: false })
  @Field({ description: 'True for an internal file, seen by the support levels only.' })
  internal: boolean = false;

  @ManyToOne(() => Person, { ref: true, nullable: true })
  addedBy: Ref<Person> | null = null;

  @ManyToOne(() => ApplicationClient, { ref: true, nullable: true })
  addedByApplication: Ref<ApplicationClient> | null = null;
}
