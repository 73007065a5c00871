import { Field, ID, Int, ObjectType } from 'type-graphql';
import { MutationPayload } from '../core/mutation';
import { KnowledgeItem } from '../knowledge/knowledge-item.entity';
import { Ticket } from '../service-desk/ticket.entity';
import { TicketEvent } from '../service-desk/ticket-event.entity';
import { KnowledgeImage } from './knowledge-image.entity';
import { UploadPurpose } from './stored-file.entity';
import { TicketAttachment } from './ticket-attachment.entity';

@ObjectType({
  description:
    'Where to send a file’s bytes: `PUT` them as the raw request body to `url` (no multipart, no JSON; `Content-Length` recommended, `x-content-sha256` optional) before `expiresAt`. The answer is 201 with `{ uploadId, size, sha256, contentType }`, or an error with `extensions.reason` (EMPTY_FILE, TRUNCATED_UPLOAD, FILE_TOO_LARGE, FILE_TYPE_NOT_ALLOWED…). Then attach it by `id`.',
})
export class Upload {
  @Field(() => ID, { description: 'Opaque global id of the upload. Pass it to `addTicketAttachment` (or `addKnowledgeImage`) once the bytes are sent.' })
  id!: string;

  @Field({ description: 'The upload URL on this server: relative to the GraphQL endpoint’s origin unless the server has PUBLIC_URL. Works once, until `expiresAt`.' })
  url!: string;

  @Field({ description: 'When the URL stops working (FILE_UPLOAD_URL_TTL_SECONDS after it was made).' })
  expiresAt!: Date;

  @Field(() => Int, { description: 'The largest file accepted, in bytes (ATTACHMENT_MAX_FILE_BYTES).' })
  maxBytes!: number;

  @Field({ description: 'The file name as it will be stored (sanitised).' })
  fileName!: string;

  @Field(() => UploadPurpose, { description: 'TICKET_ATTACHMENT or KNOWLEDGE_IMAGE, as asked: it decided which file types the upload accepts.' })
  purpose!: UploadPurpose;
}

@ObjectType({ description: 'A short-lived link to a file’s bytes, made for you: do not share it.' })
export class FileLink {
  @Field({ description: 'GET it (as an <img src> for images, which are served inline; other types download). Relative to the GraphQL endpoint’s origin unless the server has PUBLIC_URL.' })
  url!: string;

  @Field({ description: 'When the link stops working (FILE_DOWNLOAD_URL_TTL_SECONDS after it was made): fetch the field again for a new one.' })
  expiresAt!: Date;
}

@ObjectType({ description: 'Result of createUpload.' })
export class CreateUploadPayload extends MutationPayload {
  @Field(() => Upload, { nullable: true, description: 'Where to PUT the bytes; null on failure.' })
  upload!: Upload | null;
}

@ObjectType({ description: 'Result of addTicketAttachment.' })
export class AddTicketAttachmentPayload extends MutationPayload {
  @Field(() => TicketAttachment, { nullable: true, description: 'The attachment (the existing one when the same bytes were already on the ticket); null on failure.' })
  attachment!: TicketAttachment | null;

  @Field(() => Boolean, { nullable: true, description: 'True when the same bytes were already on the ticket, or this upload was already attached: nothing new was stored and no event recorded. Null on failure.' })
  duplicate!: boolean | null;

  @Field(() => Ticket, { nullable: true, description: 'The ticket, with its counts and version after the change.' })
  ticket!: Ticket | null;

  @Field(() => TicketEvent, { nullable: true, description: 'The ATTACHMENT_ADDED event; null for a duplicate or on failure.' })
  event!: TicketEvent | null;
}

@ObjectType({ description: 'Result of removeTicketAttachment.' })
export class RemoveTicketAttachmentPayload extends MutationPayload {
  @Field(() => ID, { nullable: true, description: 'Id of the attachment removed; null on failure.' })
  removedAttachmentId!: string | null;

  @Field(() => Ticket, { nullable: true, description: 'The ticket, with its counts and version after the change.' })
  ticket!: Ticket | null;

  @Field(() => TicketEvent, { nullable: true, description: 'The ATTACHMENT_REMOVED event; null on failure.' })
  event!: TicketEvent | null;
}

@ObjectType({ description: 'Result of addKnowledgeImage.' })
export class AddKnowledgeImagePayload extends MutationPayload {
  @Field(() => KnowledgeImage, { nullable: true, description: 'The image (the existing one when the same bytes were already on the item); null on failure.' })
  image!: KnowledgeImage | null;

  @Field(() => Boolean, { nullable: true, description: 'True when the same bytes were already on the item. Null on failure.' })
  duplicate!: boolean | null;

  @Field(() => KnowledgeItem, { nullable: true, description: 'The item, with the image among the node’s texts when a `nodeId` was given; null on failure.' })
  item!: KnowledgeItem | null;
}
