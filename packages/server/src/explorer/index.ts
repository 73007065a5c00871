/**
 * What a browser meets at the API: Apollo Sandbox (loaded from Apollo's CDN: blank on a
 * ministry network that filters it) or our own explorer, ruru (a GraphiQL distribution),
 * whose every asset — scripts, styles, editor workers — is served by this server from the
 * npm package: no CDN, no external font. Chosen by GRAPHQL_BROWSER_PAGE and EXPLORER.
 */
import type { ApolloServerPlugin } from '@apollo/server';
import { ApolloServerPluginLandingPageDisabled } from '@apollo/server/plugin/disabled';
import { ApolloServerPluginLandingPageLocalDefault } from '@apollo/server/plugin/landingPage/default';
import type { Express, Request, Response } from 'express';
import { ruruHTML, type RuruServerConfig } from 'ruru/server';
import { serveStatic } from 'ruru/static';
import type { Config } from '../core/config';
import { defineMessages } from '../core/i18n';
import { escapeHtml } from '../core/text';

export const EXPLORER_PATH = '/explorer';
const STATIC_PATH = `${EXPLORER_PATH}/static/`;
const HOST = /^[A-Za-z0-9.-]+(:\d{1,5})?$|^\[[0-9a-fA-F:]+\](:\d{1,5})?$/;

/** The explorer's own texts (the ruru interface itself is the library's, in English). */
const E = defineMessages({
  'EXPLORER.title': { fr: 'chorus-support — explorateur de l’API', en: 'chorus-support — API explorer' },
  'EXPLORER.help': {
    fr: `# Explorateur de l’API chorus-support (servi par ce serveur, fonctionne hors ligne).
#
# Les identifiants se placent dans l’onglet Headers ci-dessous, en JSON :
#   '{' "authorization": "Bearer '<'jeton>" '}'   une personne (npx -y pnpm@12.4.2 mint-token '<'courriel>)
#   '{' "x-api-key": "csk_…" '}'                une application métier
# Les mêmes en-têtes sont envoyés sur le WebSocket pour les abonnements.
# Les messages de l’API sont en français ; en anglais avec l’en-tête "accept-language": "en".`,
    en: `# chorus-support API explorer (served by this server, works offline).
#
# Credentials go in the Headers tab below, as JSON:
#   '{' "authorization": "Bearer '<'token>" '}'   a person (npx -y pnpm@12.4.2 mint-token '<'email>)
#   '{' "x-api-key": "csk_…" '}'                a business application
# The same headers are sent on the WebSocket for subscriptions.
# The API's messages are in French; in English with the header "accept-language": "en".`,
  },
});

const DEFAULT_QUERY = `
query Me {
  viewer {
    kind
    roles
    person { fullName email }
  }
}
`;

/** The Apollo landing-page plugin for GET /graphql: Sandbox when chosen, none otherwise (the explorer is mounted on Express). */
export function landingPagePlugin(config: Config): ApolloServerPlugin {
  return config.browserPage === 'sandbox' ? ApolloServerPluginLandingPageLocalDefault({ embed: true, includeCookies: false }) : ApolloServerPluginLandingPageDisabled();
}

function explorerPage(req: Request): string {
  const host = HOST.test(req.headers.host ?? '') ? req.headers.host! : 'localhost';
  const secure = req.protocol === 'https';
  return ruruHTML({
    staticPath: STATIC_PATH,
    endpoint: `${secure ? 'https' : 'http'}://${host}/graphql`,
    subscriptionEndpoint: `${secure ? 'wss' : 'ws'}://${host}/graphql`,
    clientConfig: { defaultQuery: `${E['EXPLORER.help']().render()}${DEFAULT_QUERY}`, isHeadersEditorEnabled: true, showPersistHeadersSettings: true } as RuruServerConfig['clientConfig'],
    htmlParts: { titleTag: `<title>${escapeHtml(E['EXPLORER.title']().render())}</title>` },
  });
}

function sendPage(req: Request, res: Response) {
  res.setHeader('content-type', 'text/html; charset=utf-8');
  res.setHeader('cache-control', 'no-store');
  res.send(explorerPage(req));
}

/** A browser's GET (HTML wanted, no query in the URL), as opposed to a GraphQL GET. */
const browserGet = (req: Request) => req.method === 'GET' && req.accepts(['application/json', 'text/html']) === 'text/html' && req.query.query === undefined;

/**
 * What a person opens in a browser to try the API, as the start banner says it: what this
 * server actually serves at GET /graphql (GRAPHQL_BROWSER_PAGE) or at /explorer (EXPLORER).
 */
export function browserPageText(config: Pick<Config, 'browserPage' | 'explorer'>, graphqlUrl: string): string {
  const explorerUrl = graphqlUrl.replace(/\/graphql$/, EXPLORER_PATH);
  if (config.browserPage === 'explorer') return `Open ${graphqlUrl} in a browser (the API explorer, ruru, served by this server: works offline)`;
  if (config.browserPage === 'sandbox')
    return `Open ${graphqlUrl} in a browser (Apollo Sandbox, loaded from Apollo's CDN${config.explorer ? `; the explorer served by this server is at ${explorerUrl}` : ''})`;
  if (config.explorer) return `Open ${explorerUrl} in a browser (the API explorer, ruru, served by this server: works offline)`;
  return `Call ${graphqlUrl} with a GraphQL client (no browser page: GRAPHQL_BROWSER_PAGE=none, EXPLORER=false)`;
}

/** Mounts /explorer (and, when chosen, the explorer at GET /graphql). Call before the GraphQL middleware. */
export function mountExplorer(app: Express, config: Config): void {
  if (!config.explorer) return;
  app.use(serveStatic(STATIC_PATH));
  app.get(EXPLORER_PATH, sendPage);
  if (config.browserPage === 'explorer') app.get('/graphql', (req, res, next) => (browserGet(req) ? sendPage(req, res) : next()));
}

/**
 * Credentials from graphql-ws connection parameters. Explorers send the Headers tab as
 * they are ("Authorization", "x-api-key"); the SDK sends { authorization } or { apiKey }.
 */
export function wsCredentials(params: Record<string, unknown>): { authorization: string | null; apiKey: string | null } {
  const lower = new Map(Object.entries(params).map(([k, v]) => [k.toLowerCase(), v]));
  const str = (...keys: string[]) => {
    for (const k of keys) {
      const v = lower.get(k);
      if (typeof v === 'string') return v;
    }
    return null;
  };
  return { authorization: str('authorization'), apiKey: str('apikey', 'x-api-key') };
}
