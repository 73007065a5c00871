import { ApiKey } from './api-key.entity';
import { ApplicationClient } from './application-client.entity';

export const integrationEntities = [ApplicationClient, ApiKey];
