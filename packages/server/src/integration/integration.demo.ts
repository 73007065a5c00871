import type { EntityManager } from '@mikro-orm/postgresql';
import { hashApiKey } from '../access/credentials';
import { DEMO_API_KEY } from '../access/demo-credentials';
import type { DemoDirectory } from '../directory/directory.demo';
import { ApiKey } from '../access/api-key.entity';
import { ApplicationClient } from '../access/application-client.entity';

export { DEMO_API_KEY };

export function seedDemoApplications(em: EntityManager, dir: DemoDirectory): void {
  const [men] = dir.ministries;
  const saxo = em.create(ApplicationClient, { name: 'SAXO', ministry: men, contactEmail: 'saxo-run@education.example' });
  for (const code of ['CSP-LYON', 'CSP-BORDEAUX', 'RECT-LYON', 'RECT-BORDEAUX']) saxo.structures.add(dir.structures.get(code)!);
  em.create(ApiKey, { application: saxo, prefix: 'de0000000001', hash: hashApiKey(DEMO_API_KEY), label: 'demo key' });
  const gaia = em.create(ApplicationClient, { name: 'GAIA', ministry: men, contactEmail: 'gaia-run@education.example' });
  gaia.structures.add(dir.structures.get('CSP-LYON')!);
}
