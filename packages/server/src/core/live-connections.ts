/**
 * Long-lived WebSocket connections and the credentials they were opened with. A
 * connection never outlives them: it closes when its token expires, and when what the
 * credentials grant changes (person deactivated, roles or assignments changed, API key
 * revoked, application suspended) — PostgreSQL triggers announce such changes on the
 * events channel, so every instance hears of them within moments.
 */
import type { Viewer } from './context';
import type { Logger } from './logger';

/** graphql-ws close codes of this server (README, "Subscriptions"). */
export const CLOSE_CODES = {
  /** The token expired: reconnect with a fresh one. */
  CREDENTIALS_EXPIRED: 4401,
  /** Access withdrawn or changed (deactivated, roles changed, key revoked, application suspended): reconnect to go on with what you may do now. */
  ACCESS_CHANGED: 4403,
} as const;

export interface CredentialsChange {
  personId?: string;
  applicationId?: string;
}

interface Live {
  viewer: Viewer;
  close(code: number, reason: string): void;
  recheck(): Promise<Viewer | null>;
  timer: NodeJS.Timeout | null;
}

/** setTimeout's ceiling: later expiries are re-armed when it fires. */
const MAX_TIMER_MS = 2 ** 31 - 1;

const principalOf = (v: Viewer) => `${v.kind}:${v.id}`;

/** What a connection's rights amount to: a change of any of these closes it. */
function grants(v: Viewer): string {
  return JSON.stringify([[...v.roles].sort(), [...v.ccaStructureIds].sort(), [...v.sn1StructureIds].sort(), [...v.applicationStructureIds].sort(), v.structureId, v.ministryId]);
}

export class LiveConnections {
  private readonly byPrincipal = new Map<string, Set<Live>>();

  constructor(private readonly logger: Logger) {}

  /** Tracks a connection; returns the function that forgets it (on close). */
  add(viewer: Viewer, close: Live['close'], recheck: Live['recheck']): () => void {
    const live: Live = { viewer, close, recheck, timer: null };
    const key = principalOf(viewer);
    let set = this.byPrincipal.get(key);
    if (!set) this.byPrincipal.set(key, (set = new Set()));
    set.add(live);
    this.armExpiry(live);
    return () => {
      if (live.timer) clearTimeout(live.timer);
      set.delete(live);
      if (!set.size) this.byPrincipal.delete(key);
    };
  }

  private armExpiry(live: Live): void {
    if (!live.viewer.expiresAt) return;
    const ms = live.viewer.expiresAt.getTime() - Date.now();
    live.timer = setTimeout(
      () => (ms > MAX_TIMER_MS ? this.armExpiry(live) : live.close(CLOSE_CODES.CREDENTIALS_EXPIRED, 'Credentials expired: reconnect with fresh ones.')),
      Math.max(0, Math.min(ms, MAX_TIMER_MS)),
    );
    live.timer.unref();
  }

  /**
   * Re-checks every connection of the principal a change concerns (every connection when
   * the change names nobody: announcements may have been missed); closes those whose
   * rights ended or changed.
   */
  async changed(change: CredentialsChange): Promise<void> {
    const named = [change.personId && `PERSON:${change.personId}`, change.applicationId && `APPLICATION:${change.applicationId}`].filter(Boolean) as string[];
    const keys = named.length ? named : [...this.byPrincipal.keys()];
    for (const key of keys) {
      for (const live of [...(this.byPrincipal.get(key) ?? [])]) {
        let now: Viewer | null = null;
        try {
          now = await live.recheck();
        } catch {
          now = null;
        }
        if (!now) live.close(CLOSE_CODES.ACCESS_CHANGED, 'Access withdrawn.');
        else if (grants(now) !== grants(live.viewer)) live.close(CLOSE_CODES.ACCESS_CHANGED, 'Access changed: reconnect to go on with your current rights.');
        else if (now.expiresAt?.getTime() !== live.viewer.expiresAt?.getTime()) {
          if (live.timer) clearTimeout(live.timer);
          live.viewer = now;
          this.armExpiry(live);
        }
      }
    }
    if (keys.length) this.logger.debug({ change }, 'credentials changed: live connections re-checked');
  }

  get size(): number {
    let n = 0;
    for (const s of this.byPrincipal.values()) n += s.size;
    return n;
  }
}
