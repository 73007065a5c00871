import { nodeIdResolver } from '../core/base.entity';
import type { FeatureModule } from '../core/module';
import {
  AnswerBlockImageFieldResolver,
  AttachmentResolver,
  KnowledgeImageFieldsResolver,
  knowledgeImageNodeFetcher,
  KnowledgeItemImagesFieldResolver,
  TicketAttachmentFieldsResolver,
  ticketAttachmentNodeFetcher,
  TicketAttachmentsFieldResolver,
} from './attachment.resolver';
import { KnowledgeImage } from './knowledge-image.entity';
import { StoredFile, StoredFileChunk } from './stored-file.entity';
import { TicketAttachment } from './ticket-attachment.entity';
import { FILE_ERROR_CODES } from './attachment.errors';

export { fileRoutes } from './attachment.http';
export { S3FileStore } from './s3-file-store';
export { useFileStore } from './file-store';
export const attachmentEntities = [StoredFile, StoredFileChunk, TicketAttachment, KnowledgeImage];
export const attachmentResolvers = [
  AttachmentResolver,
  TicketAttachmentsFieldResolver,
  TicketAttachmentFieldsResolver,
  KnowledgeImageFieldsResolver,
  KnowledgeItemImagesFieldResolver,
  AnswerBlockImageFieldResolver,
  nodeIdResolver(TicketAttachment),
  nodeIdResolver(KnowledgeImage),
] as const;

export const attachmentsModule: FeatureModule = {
  resolvers: attachmentResolvers,
  errorCodes: [FILE_ERROR_CODES],
  nodeTypes: {
    TicketAttachment: ticketAttachmentNodeFetcher,
    KnowledgeImage: knowledgeImageNodeFetcher,
  },
};
// a file arriving another way (a reply by mail) goes through the same checks: upload, receive, attach
export { addTicketAttachment, createUpload, pendingUpload, receiveUpload } from './attachment.service';
export { UploadPurpose } from './stored-file.entity';
