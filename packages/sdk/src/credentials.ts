/**
 * Who calls: a person's bearer token (fixed, or asked of `getToken` before every request and
 * every WebSocket (re)connection), or an application's API key.
 */

/** The ways to say who calls; give one of them. `undefined` means not given. */
export interface CredentialOptions {
  /** A person's bearer token (JWT). */
  token?: string | undefined;
  /**
   * Gives a person's current bearer token: asked before every HTTP request and every WebSocket
   * (re)connection, and once more when the server says the token expired (UNAUTHENTICATED, close
   * code 4401). Return a fresh token when yours is about to expire.
   */
  getToken?: (() => string | Promise<string>) | undefined;
  /** A business application's API key (`csk_…`). */
  apiKey?: string | undefined;
}

/** Builds the credentials headers for HTTP (and the WebSocket connection parameters). */
export function credentialHeaders(options: Pick<CredentialOptions, 'token' | 'apiKey'>): Record<string, string> {
  if (options.token && options.apiKey) throw new Error('Pass either token or apiKey, not both.');
  if (options.token) return { authorization: `Bearer ${options.token}` };
  if (options.apiKey) return { 'x-api-key': options.apiKey };
  return {};
}

/** The credentials of one client; `setToken` replaces them. */
export class Credentials {
  private token: string | undefined;
  private getToken: (() => string | Promise<string>) | undefined;
  private readonly apiKey: string | undefined;

  constructor(options: CredentialOptions) {
    if ([options.token, options.getToken, options.apiKey].filter((c) => c !== undefined && c !== '').length > 1) throw new Error('Pass one of token, getToken or apiKey, not several.');
    this.token = options.token || undefined;
    this.getToken = options.getToken;
    this.apiKey = options.apiKey || undefined;
  }

  /** Whether asking again may give another token (a getToken callback). */
  get renewable(): boolean {
    return this.getToken !== undefined;
  }

  /** Uses this bearer token from now on, for HTTP requests and the next WebSocket connection. */
  setToken(token: string): void {
    if (this.apiKey) throw new Error('This client calls with an API key: create another client for a person.');
    this.token = token;
    this.getToken = undefined;
  }

  private async bearer(): Promise<string | undefined> {
    if (this.getToken) {
      const token = await this.getToken();
      if (typeof token !== 'string' || !token) throw new TypeError('getToken() gave no token.');
      return token;
    }
    return this.token;
  }

  /** The headers of one HTTP request. */
  async headers(): Promise<Record<string, string>> {
    if (this.apiKey) return { 'x-api-key': this.apiKey };
    const token = await this.bearer();
    return token ? { authorization: `Bearer ${token}` } : {};
  }

  /** The connection parameters of one WebSocket connection. */
  async connectionParams(): Promise<Record<string, string>> {
    if (this.apiKey) return { apiKey: this.apiKey };
    const token = await this.bearer();
    return token ? { authorization: `Bearer ${token}` } : {};
  }
}
