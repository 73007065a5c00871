import { IsEmail, IsOptional, Max, Min } from 'class-validator';
import { Field, ID, InputType, Int } from 'type-graphql';
import { GlobalId, SafeText, TEXT } from '../core/validation';

@InputType({ description: 'A new business application; its first API key is returned once.' })
export class RegisterApplicationInput {
  @Field({ description: 'Unique name, e.g. SAXO.' })
  @SafeText(100, { min: 2 })
  name!: string;

  @Field(() => ID, { description: 'Global id of the Ministry the application serves; it may file only for structures of that ministry.' })
  @GlobalId('Ministry')
  ministryId!: string;

  @Field(() => [ID], { description: 'Structures (of its ministry) it may file incidents for.' })
  @GlobalId('Structure', { each: true })
  structureIds!: string[];

  @Field({ description: 'Contact email of the team running it.' })
  @SafeText(TEXT.email, { min: 3 })
  @IsEmail()
  contactEmail!: string;

  @Field(() => Int, { nullable: true, description: 'Query cost it may spend per minute (default 6000).' })
  @IsOptional()
  @Min(10)
  @Max(10_000_000)
  costBudgetPerMinute?: number;

  @Field(() => String, { nullable: true, description: 'http(s) URL to POST signed status changes to.' })
  @IsOptional()
  @SafeText(2000)
  webhookUrl?: string | null;

  @Field(() => String, { nullable: true, description: 'Secret for the webhook signature (HMAC-SHA256).' })
  @IsOptional()
  @SafeText(200, { min: 16 })
  webhookSecret?: string | null;
}

@InputType({ description: 'Changes to an application; omitted fields stay as they are.' })
export class UpdateApplicationInput {
  @Field(() => ID, { description: 'Global id of the ApplicationClient to change.' })
  @GlobalId('ApplicationClient')
  id!: string;

  @Field(() => String, { nullable: true, description: 'New contact email.' })
  @IsOptional()
  @SafeText(TEXT.email, { min: 3 })
  @IsEmail()
  contactEmail?: string | null;

  @Field(() => [ID], { nullable: true, description: 'Replaces the structures it may file for.' })
  @GlobalId('Structure', { each: true })
  structureIds?: string[] | null;

  @Field(() => Int, { nullable: true, description: 'New cost budget per minute.' })
  @IsOptional()
  @Min(10)
  @Max(10_000_000)
  costBudgetPerMinute?: number | null;

  @Field(() => Boolean, { nullable: true, description: 'False suspends it: all its keys stop working.' })
  active?: boolean | null;

  @Field(() => String, { nullable: true, description: 'New webhook URL; empty string removes it.' })
  @IsOptional()
  @SafeText(2000)
  webhookUrl?: string | null;

  @Field(() => String, { nullable: true, description: 'New webhook secret.' })
  @IsOptional()
  @SafeText(200, { min: 16 })
  webhookSecret?: string | null;
}

@InputType({ description: 'Issues another API key for an application.' })
export class IssueApiKeyInput {
  @Field(() => ID, { description: 'Global id of the ApplicationClient that gets the new key.' })
  @GlobalId('ApplicationClient')
  applicationId!: string;

  @Field(() => String, { nullable: true, description: 'A label, e.g. "production".' })
  @IsOptional()
  @SafeText(200)
  label?: string | null;
}

@InputType({ description: 'Replaces a key: a new one now, the old one expires after a grace period.' })
export class RotateApiKeyInput {
  @Field(() => ID, { description: 'The key to replace.' })
  @GlobalId('ApiKey')
  id!: string;

  @Field(() => Int, { defaultValue: 60, description: 'Minutes the old key keeps working (0–10080).' })
  @Min(0)
  @Max(10080)
  graceMinutes!: number;
}

@InputType({ description: 'Revokes a key at once.' })
export class RevokeApiKeyInput {
  @Field(() => ID, { description: 'Global id of the ApiKey to revoke; it stops working at once, without a grace period.' })
  @GlobalId('ApiKey')
  id!: string;
}
