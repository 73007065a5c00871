/** Summary of a V8 `.cpuprofile` (from `node --cpu-prof`): self time by frame and by package. */
import { readFileSync } from 'node:fs';

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
  hitCount?: number;
}
interface CpuProfile {
  nodes: ProfileNode[];
  samples: number[];
  timeDeltas: number[];
  startTime: number;
  endTime: number;
}

export interface ProfileSummary {
  totalMs: number;
  idlePercent: number;
  frames: { percent: number; ms: number; frame: string }[];
  packages: { percent: number; ms: number; pkg: string }[];
}

/** Where a frame lives: the npm package, `node:` internals, the project's own code, or a V8 pseudo-frame. */
function packageOf(url: string, functionName: string): string {
  if (!url) return functionName.startsWith('(') ? functionName : '(native)';
  const pnpm = /node_modules\/\.pnpm\/[^/]+\/node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(url) ?? /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(url);
  if (pnpm) return pnpm[1];
  if (url.startsWith('node:')) return 'node internals';
  const own = /packages\/([^/]+)\/(?:dist|src)\/(.*)$/.exec(url);
  if (own) return `@chorus-support/${own[1]}`;
  return url;
}

function frameName(n: ProfileNode): string {
  const { functionName, url, lineNumber } = n.callFrame;
  if (!url) return functionName || '(anonymous)';
  const short = url
    .replace(/^file:\/\//, '')
    .replace(/.*node_modules\/\.pnpm\/[^/]+\/node_modules\//, '')
    .replace(/.*\/packages\//, 'packages/');
  return `${functionName || '(anonymous)'}  ${short}:${lineNumber + 1}`;
}

/**
 * `window`: only the samples taken between these offsets (ms after the profile started, i.e.
 * about when the process started), so start-up work (module loading) stays out.
 */
export function summariseProfile(path: string, window?: { fromMs: number; toMs: number }, top = 25): ProfileSummary {
  const p = JSON.parse(readFileSync(path, 'utf8')) as CpuProfile;
  // self time of a node = the time deltas of the samples that landed on it
  const selfUs = new Map<number, number>();
  let t = 0;
  for (let i = 0; i < p.samples.length; i++) {
    t += p.timeDeltas[i] ?? 0;
    if (window && (t < window.fromMs * 1000 || t > window.toMs * 1000)) continue;
    selfUs.set(p.samples[i], (selfUs.get(p.samples[i]) ?? 0) + (p.timeDeltas[i] ?? 0));
  }
  let total = 0;
  let idle = 0;
  const byFrame = new Map<string, number>();
  const byPkg = new Map<string, number>();
  for (const n of p.nodes) {
    const us = selfUs.get(n.id) ?? 0;
    if (!us) continue;
    total += us;
    if (n.callFrame.functionName === '(idle)') {
      idle += us;
      continue;
    }
    const f = frameName(n);
    byFrame.set(f, (byFrame.get(f) ?? 0) + us);
    const pkg = packageOf(n.callFrame.url, n.callFrame.functionName);
    byPkg.set(pkg, (byPkg.get(pkg) ?? 0) + us);
  }
  const busy = Math.max(total - idle, 1);
  const rows = <K extends string>(m: Map<string, number>, key: K) =>
    [...m]
      .sort((a, b) => b[1] - a[1])
      .slice(0, top)
      .map(([k, us]) => ({ percent: (100 * us) / busy, ms: us / 1000, [key]: k }) as { percent: number; ms: number } & Record<K, string>);
  return { totalMs: total / 1000, idlePercent: (100 * idle) / Math.max(total, 1), frames: rows(byFrame, 'frame'), packages: rows(byPkg, 'pkg').slice(0, 15) };
}
