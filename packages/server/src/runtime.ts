/** The Node.js majors the server is built and tested for; the root package.json pins 24 for every script. */
export const SUPPORTED_NODE_MAJORS = [22, 24] as const;

/**
 * Why the server will not start on this Node.js, or null when it may: an older major than
 * those supported says how to get the pinned one rather than failing later on a missing API.
 */
export function unsupportedNode(version: string = process.versions.node): string | null {
  const major = Number(version.replace(/^v/, '').split('.')[0]);
  if (major >= SUPPORTED_NODE_MAJORS[0]) return null;
  return `Node.js ${version} is too old for the server (${SUPPORTED_NODE_MAJORS.join(' or ')} needed). Start it with \`npx -y pnpm@12.4.2 start\`, which runs the Node.js 24 the project pins.`;
}
