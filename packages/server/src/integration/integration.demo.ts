import type { EntityManager } from '@mikro-orm/postgresql';
import { hashApiKey } from '../core/auth';
import type { DemoDirectory } from '../directory/directory.demo';
import { ApiKey } from './api-key.entity';
import { ApplicationClient } from './application-client.entity';

/** The demo API key of SAXO. Demo data only: production refuses to load it. */
export const DEMO_API_KEY = 'csk_de0000000001_demo-key-saxo-not-a-secret-00000';

export function seedDemoApplications(em: EntityManager, dir: DemoDirectory): void {
  const [men] = dir.ministries;
  const saxo = em.create(ApplicationClient, { name: 'SAXO', ministry: men, contactEmail: 'saxo-run@education.example' });
  for (const code of ['CSP-LYON', 'CSP-BORDEAUX', 'RECT-LYON', 'RECT-BORDEAUX']) saxo.structures.add(dir.structures.get(code)!);
  em.create(ApiKey, { application: saxo, prefix: 'de0000000001', hash: hashApiKey(DEMO_API_KEY), label: 'demo key' });
  const gaia = em.create(ApplicationClient, { name: 'GAIA', ministry: men, contactEmail: 'gaia-run@education.example' });
  gaia.structures.add(dir.structures.get('CSP-LYON')!);
}
