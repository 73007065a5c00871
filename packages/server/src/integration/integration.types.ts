import { Field, ObjectType } from 'type-graphql';
import { Connection } from '../core/connection';
import { MutationPayload } from '../core/mutation';
import { ApiKey } from '../access/api-key.entity';
import { ApplicationClient } from '../access/application-client.entity';
import { WebhookDelivery } from './webhook-delivery.entity';

@ObjectType({ description: 'A newly issued API key. The secret is shown here once and never again.' })
export class IssuedApiKey {
  @Field({ description: 'The whole key, to send in the `x-api-key` header. Store it now: it cannot be read again.' })
  key!: string;

  @Field(() => ApiKey, { description: 'The key’s record.' })
  apiKey!: ApiKey;
}

@ObjectType({ description: 'Result of registering an application.' })
export class RegisterApplicationPayload extends MutationPayload {
  @Field(() => ApplicationClient, { nullable: true, description: 'The application; null on failure.' })
  application!: ApplicationClient | null;

  @Field(() => IssuedApiKey, { nullable: true, description: 'Its first key; null on failure.' })
  issued!: IssuedApiKey | null;
}

@ObjectType({ description: 'Result of an application change.' })
export class ApplicationPayload extends MutationPayload {
  @Field(() => ApplicationClient, { nullable: true, description: 'The application; null on failure.' })
  application!: ApplicationClient | null;
}

@ObjectType({ description: 'Result of issuing or rotating a key.' })
export class IssueApiKeyPayload extends MutationPayload {
  @Field(() => IssuedApiKey, { nullable: true, description: 'The new key; null on failure.' })
  issued!: IssuedApiKey | null;
}

@ObjectType({ description: 'Result of revoking a key.' })
export class ApiKeyPayload extends MutationPayload {
  @Field(() => ApiKey, { nullable: true, description: 'The key; null on failure.' })
  apiKey!: ApiKey | null;
}

export const ApplicationClientConnection = Connection(ApplicationClient);
export const WebhookDeliveryConnection = Connection(WebhookDelivery);
