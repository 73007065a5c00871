import { Arg, Authorized, Ctx, FieldResolver, Int, Mutation, Resolver, Root } from 'type-graphql';
import { requireViewer, type Context } from '../core/context';
import { decodeId, toGlobalId } from '../core/ids';
import { runMutation } from '../core/mutation';
import { Person } from '../directory/person.entity';
import { AnswerBlock, imageText } from '../knowledge/dialog';
import { KnowledgeItem } from '../knowledge/knowledge-item.entity';
import { Ticket } from '../service-desk/ticket.entity';
import { maySeeInternalComments } from '../service-desk/ticket.transitions';
import { AddKnowledgeImageInput, AddTicketAttachmentInput, CreateUploadInput, RemoveTicketAttachmentInput } from './attachment.inputs';
import * as files from './attachment.service';
import { AddKnowledgeImagePayload, AddTicketAttachmentPayload, CreateUploadPayload, FileLink, RemoveTicketAttachmentPayload } from './attachment.types';
import { KnowledgeImage } from './knowledge-image.entity';
import { TicketAttachment } from './ticket-attachment.entity';


@Resolver()
export class AttachmentResolver {
  @Authorized()
  @Mutation(() => CreateUploadPayload, { description: 'Step 1 of sending a file: a short-lived upload URL on this server. PUT the bytes there, then attach the upload by id (`addTicketAttachment`, `addKnowledgeImage`).' })
  createUpload(@Arg('input', { validate: false, description: 'The file to send.' }) input: CreateUploadInput, @Ctx() ctx: Context) {
    return runMutation(input, async () => {
      const { file, url, expiresAt, maxBytes } = await files.createUpload(ctx.em, requireViewer(ctx), ctx.config.files, input);
      return { upload: { id: toGlobalId('Upload', file.id), url, expiresAt, maxBytes, fileName: file.name, purpose: file.purpose } };
    });
  }

  @Authorized()
  @Mutation(() => AddTicketAttachmentPayload, {
    description:
      'Step 2: attaches a received upload to a ticket (whoever may comment on it; internal files for support agents only). The same bytes already on the ticket are not stored twice: the existing attachment comes back with `duplicate: true`, also for a retried call. Records an ATTACHMENT_ADDED event and bumps the version.',
  })
  addTicketAttachment(@Arg('input', { validate: false, description: 'The ticket, the received upload (purpose TICKET_ATTACHMENT), and whether the file is internal.' }) input: AddTicketAttachmentInput, @Ctx() ctx: Context) {
    return runMutation(input, async () => {
      const { ticket, event, result } = await files.addTicketAttachment(ctx.em, requireViewer(ctx), ctx.config.files, {
        ticketId: decodeId(input.ticketId, 'Ticket', 'ticketId'),
        uploadId: decodeId(input.uploadId, 'Upload', 'uploadId'),
        internal: input.internal,
      });
      return { ticket, event, attachment: result.attachment, duplicate: result.duplicate };
    });
  }

  @Authorized()
  @Mutation(() => RemoveTicketAttachmentPayload, { description: 'Removes an attachment and its bytes (whoever added it, or a support agent). Records an ATTACHMENT_REMOVED event and bumps the version.' })
  removeTicketAttachment(@Arg('input', { validate: false, description: 'The attachment whose row and bytes go.' }) input: RemoveTicketAttachmentInput, @Ctx() ctx: Context) {
    return runMutation(input, async () => {
      const { ticket, event, result } = await files.removeTicketAttachment(ctx.em, requireViewer(ctx), decodeId(input.id, 'TicketAttachment'));
      return { ticket, event, removedAttachmentId: toGlobalId('TicketAttachment', result) };
    });
  }

  @Authorized()
  @Mutation(() => AddKnowledgeImagePayload, { description: 'Adds a received image to a knowledge item (knowledge editors), and with `nodeId` shows it among that node’s texts at `position`: the chatbot then answers with an IMAGE block in that place (`ConversationTurn.blocks`). The same bytes on one item are stored once (`duplicate: true`, also for a retry).' })
  addKnowledgeImage(@Arg('input', { validate: false, description: 'The item, the received upload (purpose KNOWLEDGE_IMAGE), and optionally the dialog node and place to show it.' }) input: AddKnowledgeImageInput, @Ctx() ctx: Context) {
    return runMutation(input, () =>
      files.addKnowledgeImage(ctx.em, requireViewer(ctx), {
        itemId: decodeId(input.itemId, 'KnowledgeItem', 'itemId'),
        uploadId: decodeId(input.uploadId, 'Upload', 'uploadId'),
        placement: input.nodeId ? { nodeId: input.nodeId, position: input.position ?? null, alt: input.altText ?? null } : null,
      }),
    );
  }
}

@Resolver(() => Ticket)
export class TicketAttachmentsFieldResolver {
  @FieldResolver(() => [TicketAttachment], { description: 'Files attached, oldest first. Internal ones only for the support levels.' })
  attachments(@Root() t: Ticket, @Ctx() ctx: Context) {
    return ctx
      .loader<string, TicketAttachment[]>('ticketAttachments', async (ids) => {
        const byTicket = await files.attachmentsOf(ctx.em, requireViewer(ctx), ids);
        return ids.map((id) => byTicket.get(id) ?? []);
      })
      .load(t.id);
  }

  @FieldResolver(() => Int, { description: 'Number of files attached that you may see (internal ones count for the support levels only).' })
  attachmentCount(@Root() t: Ticket, @Ctx() ctx: Context): number {
    return maySeeInternalComments(requireViewer(ctx)) ? t.attachmentCount : t.publicAttachmentCount;
  }
}

@Resolver(() => TicketAttachment)
export class TicketAttachmentFieldsResolver {
  @FieldResolver(() => FileLink, { description: 'A download link made for you, valid a few minutes; your perimeter is checked again when it is used.' })
  download(@Root() a: TicketAttachment, @Ctx() ctx: Context) {
    return files.downloadUrl(ctx.config.files, requireViewer(ctx), 't', a.id, a.name);
  }

  @FieldResolver(() => Person, { nullable: true, description: 'Who attached it; null for an application.' })
  addedBy(@Root() a: TicketAttachment) {
    return a.addedBy ? a.addedBy.load() : null;
  }

  @FieldResolver(() => String, { nullable: true, description: 'The business application that attached it, if one did.' })
  async addedByApplicationName(@Root() a: TicketAttachment) {
    return a.addedByApplication ? ((await a.addedByApplication.load())?.name ?? null) : null;
  }

  @FieldResolver(() => Ticket, { description: 'The ticket the file is attached to.' })
  ticket(@Root() a: TicketAttachment) {
    return a.ticket.load();
  }
}

@Resolver(() => KnowledgeImage)
export class KnowledgeImageFieldsResolver {
  @FieldResolver(() => FileLink, { description: 'A link to the image made for you, valid a few minutes.' })
  download(@Root() i: KnowledgeImage, @Ctx() ctx: Context) {
    return files.downloadUrl(ctx.config.files, requireViewer(ctx), 'k', i.id, i.name);
  }

  @FieldResolver(() => String, { description: 'The text to put among an answer node’s texts, `![name](image:<id>)`: the chatbot shows the image in its place (`ConversationTurn.blocks`).' })
  dialogText(@Root() i: KnowledgeImage): string {
    return imageText(i.id, i.name);
  }
}

@Resolver(() => KnowledgeItem)
export class KnowledgeItemImagesFieldResolver {
  @FieldResolver(() => [KnowledgeImage], { description: 'Images added to the item, oldest first.' })
  images(@Root() item: KnowledgeItem, @Ctx() ctx: Context) {
    return ctx
      .loader<string, KnowledgeImage[]>('knowledgeImages', async (ids) => {
        const rows = await ctx.em.find(KnowledgeImage, { item: { $in: [...ids] } }, { orderBy: { createdAt: 'asc', id: 'asc' } });
        return ids.map((id) => rows.filter((r) => r.item.id === id));
      })
      .load(item.id);
  }
}

@Resolver(() => AnswerBlock)
export class AnswerBlockImageFieldResolver {
  @FieldResolver(() => KnowledgeImage, {
    nullable: true,
    description: 'IMAGE blocks: the image, whose `download.url` is a link made for you (valid a few minutes; `<img src>`). Seen by whoever may read the item (published items: every person). Null for other blocks, or when the image is gone or not yours to see.',
  })
  image(@Root() b: AnswerBlock, @Ctx() ctx: Context) {
    if (!b.imageId) return null;
    let id: string;
    try {
      id = decodeId(b.imageId, 'KnowledgeImage');
    } catch {
      return null;
    }
    return ctx
      .loader<string, KnowledgeImage | null>('answerImages', async (ids) => {
        const rows = await files.findVisibleKnowledgeImages(ctx.em, requireViewer(ctx), ids);
        return ids.map((x) => rows.find((r) => r.id === x) ?? null);
      })
      .load(id);
  }
}

/** node(id:) for attachments: the same visibility as the download. */
export const ticketAttachmentNodeFetcher = (ctx: Context, ids: string[]) => files.findVisibleAttachments(ctx.em, requireViewer(ctx), ids);
export const knowledgeImageNodeFetcher = (ctx: Context, ids: string[]) => files.findVisibleKnowledgeImages(ctx.em, requireViewer(ctx), ids);
