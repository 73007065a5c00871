import { IsOptional, Max, Min } from 'class-validator';
import { Field, ID, InputType, Int } from 'type-graphql';
import { SafeText } from '../core/validation';
import { UploadPurpose } from './stored-file.entity';

@InputType({ description: 'Asks for an upload URL: the first of the two steps of sending a file.' })
export class CreateUploadInput {
  @Field({ description: 'The file’s name as the user knows it (at most 255 characters); it is sanitised, and its extension is never used to decide the type.' })
  @SafeText(255, { min: 1 })
  fileName!: string;

  @Field(() => UploadPurpose, { defaultValue: UploadPurpose.TICKET_ATTACHMENT, description: 'What the file is for; decides the types accepted.' })
  purpose!: UploadPurpose;
}

@InputType({ description: 'Attaches a received upload to a ticket.' })
export class AddTicketAttachmentInput {
  @Field(() => ID, { description: 'Global id of a Ticket the caller may comment on.' })
  ticketId!: string;

  @Field(() => ID, { description: 'The upload, from `createUpload`, whose bytes were PUT to its URL.' })
  uploadId!: string;

  @Field({ defaultValue: false, description: 'Internal (support levels only) rather than public. Only support agents add internal files.' })
  internal!: boolean;
}

@InputType({ description: 'Takes a file off a ticket: the attachment row and its stored bytes go; the history keeps an ATTACHMENT_REMOVED event.' })
export class RemoveTicketAttachmentInput {
  @Field(() => ID, { description: 'Global id of the TicketAttachment; only whoever added it, or a support agent, may remove it.' })
  id!: string;
}

@InputType({ description: 'Adds a received image to a knowledge item.' })
export class AddKnowledgeImageInput {
  @Field(() => ID, { description: 'Global id of the KnowledgeItem (any status) to add the image to.' })
  itemId!: string;

  @Field(() => ID, { description: 'The upload (purpose KNOWLEDGE_IMAGE), whose bytes were PUT to its URL.' })
  uploadId!: string;

  @Field(() => String, { nullable: true, description: 'Shows the image in the dialog node of this key (`DialogNode.key`, e.g. `answer`), among its texts at `position`; the item changes like with updateKnowledgeItem (version, history; a published item stays publishable). Omitted: the image is only added to the item, to place later with its `dialogText`.' })
  @IsOptional()
  @SafeText(40, { min: 1 })
  nodeId?: string | null;

  @Field(() => Int, { nullable: true, description: 'Where among the node’s texts: before texts[position] (0 = first, after a list that sits there). Omitted: after every text.' })
  @IsOptional()
  @Min(0)
  @Max(10)
  position?: number | null;

  @Field(() => String, { nullable: true, description: 'The alternative text read out in place of the image (at most 300 characters); default: the file name.' })
  @IsOptional()
  @SafeText(300, { min: 1 })
  altText?: string | null;
}
