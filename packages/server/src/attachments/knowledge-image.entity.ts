import { Entity, ManyToOne, OneToOne, Property, Unique, type Ref } from '@mikro-orm/core';
import { Field, Int, ObjectType } from 'type-graphql';
import { BaseEntity, Node } from '../core/base.entity';
import { KnowledgeItem } from '../knowledge/knowledge-item.entity';
import { StoredFile } from './stored-file.entity';

/**
 * An image shown in a knowledge item's answers (e.g. the Chorus screen with its
 * messages). A dialog text that is exactly `![alt](image:<image id>)` is shown in its
 * place as an image block (see `ConversationTurn.blocks`).
 */
@Entity({ tableName: 'knowledge_image' })
@Unique({ name: 'knowledge_image_item_sha256_unique', properties: ['item', 'sha256'] })
@ObjectType({ implements: Node, simpleResolvers: true, description: 'An image of a knowledge item’s answers, stored like ticket attachments.' })
export class KnowledgeImage extends BaseEntity {
  @ManyToOne(() => KnowledgeItem, { ref: true, deleteRule: 'cascade' })
  item!: Ref<KnowledgeItem>;

  @OneToOne(() => StoredFile, { ref: true, owner: true, unique: true, deleteRule: 'cascade' })
  file!: Ref<StoredFile>;

  @Property({ type: 'string', length: 200 })
  @Field({ description: 'File name, sanitised.' })
  name!: string;

  @Property({ type: 'string', length: 120 })
  @Field({ description: 'Media type found in the bytes: image/png, image/jpeg, image/gif or image/webp.' })
  contentType!: string;

  @Property({ type: 'integer' })
  @Field(() => Int, { description: 'Size in bytes.' })
  size!: number;

  @Property({ type: 'string', length: 64 })
  @Field({ description: 'SHA-256 of the bytes (hexadecimal); the same image is stored once per item.' })
  sha256!: string;
}
