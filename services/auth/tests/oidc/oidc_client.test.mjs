// Independent OpenID Connect libraries drive the auth service end to end:
// openid-client (discovery, authorization code + PKCE, token exchange with ID
// token validation, userinfo, refresh, revocation, client credentials,
// end-session URL) and jose (access and ID tokens verified against the JWKS).
// The browser's part (the sign-up and sign-in forms) is done with fetch.
//
// Needs AUTH_BINARY: the auth executable to start.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { createServer } from 'node:net';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomBytes } from 'node:crypto';
import * as client from 'openid-client';
import * as jose from 'jose';

const binary = process.env.AUTH_BINARY;
const redirectUri = 'http://127.0.0.1:9/callback';
const postLogoutUri = 'http://127.0.0.1:9/signed-out';
const serviceSecret = randomBytes(32).toString('base64url');

let directory;
let auth;
let issuer;
let output = '';

function freePort() {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}

async function waitForReady(url, limitMs) {
  const until = Date.now() + limitMs;
  while (Date.now() < until) {
    try {
      if ((await fetch(url)).status === 200) return;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  throw new Error(`auth did not become ready:\n${output}`);
}

before(async () => {
  assert.ok(binary, 'AUTH_BINARY must name the auth executable');
  directory = mkdtempSync(join(tmpdir(), 'oidc-'));
  const port = await freePort();
  issuer = `http://127.0.0.1:${port}`;
  const clients = join(directory, 'clients.json');
  writeFileSync(clients, JSON.stringify([
    {
      id: 'web', name: 'Web shop', redirect_uris: [redirectUri],
      post_logout_redirect_uris: [postLogoutUri],
      grant_types: ['authorization_code', 'refresh_token'],
      scopes: ['openid', 'profile', 'email', 'offline_access'],
    },
    {
      id: 'orders', name: 'Orders service', secret: serviceSecret,
      grant_types: ['client_credentials'], scopes: ['catalog.reservations'],
    },
  ]));
  auth = spawn(binary, [], {
    env: {
      ...process.env,
      AUTH_PORT: String(port),
      AUTH_DATABASE_URL: `sqlite:${join(directory, 'auth.db')}`,
      AUTH_ISSUER: issuer,
      AUTH_KEY_ENCRYPTION_KEY: randomBytes(32).toString('base64'),
      AUTH_ADMIN_PASSWORD: 'a long owner passphrase',
      AUTH_CLIENTS_FILE: clients,
      AUTH_ARGON2_MEMORY_KIB: '1024',
      AUTH_ARGON2_ITERATIONS: '1',
      AUTH_ACCESS_LOG: 'false',
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  auth.stdout.on('data', (chunk) => { output += chunk; });
  auth.stderr.on('data', (chunk) => { output += chunk; });
  await waitForReady(`${issuer}/readyz`, 20000);
});

after(() => {
  if (auth) auth.kill('SIGTERM');
  if (directory) rmSync(directory, { recursive: true, force: true });
});

// The part a person does in a browser: open the authorization URL, fill in
// a form, follow the redirect back to the client.
class Browser {
  cookies = new Map();

  async fetch(url, init = {}) {
    const headers = new Headers(init.headers);
    if (this.cookies.size > 0) {
      headers.set('cookie', [...this.cookies].map(([k, v]) => `${k}=${v}`).join('; '));
    }
    const response = await fetch(url, { ...init, headers, redirect: 'manual' });
    for (const cookie of response.headers.getSetCookie()) {
      const [pair] = cookie.split(';');
      const [name, value] = pair.split('=');
      if (/Max-Age=0/.test(cookie)) this.cookies.delete(name);
      else this.cookies.set(name, value);
    }
    return response;
  }

  async submit(page, action, fields) {
    const html = await page.text();
    const request = /name="request" value="([^"]+)"/.exec(html)?.[1];
    assert.ok(request, `no form in:\n${html}`);
    return this.fetch(`${issuer}/oauth2/authorize/${action}`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ request, ...fields }),
    });
  }
}

async function configuration() {
  return client.discovery(new URL(issuer), 'web', undefined, client.None(), {
    execute: [client.allowInsecureRequests],
  });
}

async function signIn(config, browser, action, fields) {
  const codeVerifier = client.randomPKCECodeVerifier();
  const state = client.randomState();
  const nonce = client.randomNonce();
  const url = client.buildAuthorizationUrl(config, {
    redirect_uri: redirectUri,
    scope: 'openid profile email offline_access',
    code_challenge: await client.calculatePKCECodeChallenge(codeVerifier),
    code_challenge_method: 'S256',
    state,
    nonce,
  });
  const page = await browser.fetch(url);
  assert.equal(page.status, 200);
  const done = await browser.submit(page, action, fields);
  assert.equal(done.status, 303, await done.text());
  const callback = new URL(done.headers.get('location'));
  return client.authorizationCodeGrant(config, callback, {
    pkceCodeVerifier: codeVerifier,
    expectedState: state,
    expectedNonce: nonce,
    idTokenExpected: true,
  });
}

test('discovery, sign-up, code + PKCE, ID token, userinfo, refresh, revocation', async () => {
  const config = await configuration();
  assert.equal(config.serverMetadata().issuer, issuer);

  const browser = new Browser();
  const tokens = await signIn(config, browser, 'sign-up', {
    name: 'Olivia Client', email: 'olivia@example.com', password: 'independent clients agree',
  });
  const claims = tokens.claims();
  assert.equal(claims.iss, issuer);
  assert.equal(claims.aud, 'web');
  assert.equal(claims.email, 'olivia@example.com');
  assert.ok(tokens.refresh_token, 'offline_access brings a refresh token');

  // jose, against the published keys.
  const keys = jose.createRemoteJWKSet(new URL(config.serverMetadata().jwks_uri));
  const access = await jose.jwtVerify(tokens.access_token, keys, {
    issuer, audience: 'shop', typ: 'at+jwt',
  });
  assert.equal(access.payload.sub, claims.sub);
  assert.equal(access.payload.client_id, 'web');
  assert.deepEqual(access.payload.roles, ['customer']);
  const idToken = await jose.jwtVerify(tokens.id_token, keys, { issuer, audience: 'web' });
  assert.equal(idToken.payload.nonce, claims.nonce);
  await assert.rejects(
    jose.jwtVerify(tokens.id_token, keys, { issuer, audience: 'shop' }),
    'an ID token is not an access token for the shop',
  );

  const info = await client.fetchUserInfo(config, tokens.access_token, claims.sub);
  assert.equal(info.name, 'Olivia Client');

  const refreshed = await client.refreshTokenGrant(config, tokens.refresh_token);
  assert.notEqual(refreshed.refresh_token, tokens.refresh_token);
  assert.equal(refreshed.claims().sub, claims.sub);
  await assert.rejects(client.refreshTokenGrant(config, tokens.refresh_token),
    (error) => error.error === 'invalid_grant');

  // The reuse above revoked the family; a fresh sign-in (the browser still
  // has its session, so no form) then revocation.
  const again = await signInWithSession(config, browser);
  await client.tokenRevocation(config, again.refresh_token);
  await assert.rejects(client.refreshTokenGrant(config, again.refresh_token),
    (error) => error.error === 'invalid_grant');
});

async function signInWithSession(config, browser) {
  const codeVerifier = client.randomPKCECodeVerifier();
  const state = client.randomState();
  const url = client.buildAuthorizationUrl(config, {
    redirect_uri: redirectUri,
    scope: 'openid offline_access',
    code_challenge: await client.calculatePKCECodeChallenge(codeVerifier),
    code_challenge_method: 'S256',
    state,
  });
  const response = await browser.fetch(url);
  assert.equal(response.status, 303, 'a signed-in browser goes straight back');
  return client.authorizationCodeGrant(config, new URL(response.headers.get('location')), {
    pkceCodeVerifier: codeVerifier, expectedState: state,
  });
}

test('sign-in with an existing account and end-session', async () => {
  const config = await configuration();
  await signIn(config, new Browser(), 'sign-up', {
    name: 'Sam', email: 'sam@example.com', password: 'a long and good phrase',
  });
  const browser = new Browser();
  const tokens = await signIn(config, browser, 'sign-in', {
    email: 'SAM@example.com', password: 'a long and good phrase',
  });
  assert.equal(tokens.claims().email, 'sam@example.com');

  const logout = client.buildEndSessionUrl(config, {
    id_token_hint: tokens.id_token, post_logout_redirect_uri: postLogoutUri, state: 'bye',
  });
  const response = await browser.fetch(logout);
  assert.equal(response.status, 303);
  assert.equal(response.headers.get('location'), `${postLogoutUri}?state=bye`);
  await assert.rejects(client.refreshTokenGrant(config, tokens.refresh_token),
    (error) => error.error === 'invalid_grant');
});

test('client credentials for a service, verified with jose', async () => {
  const config = await client.discovery(new URL(issuer), 'orders', undefined,
    client.ClientSecretBasic(serviceSecret), { execute: [client.allowInsecureRequests] });
  const tokens = await client.clientCredentialsGrant(config, { scope: 'catalog.reservations' });
  const keys = jose.createRemoteJWKSet(new URL(config.serverMetadata().jwks_uri));
  const { payload } = await jose.jwtVerify(tokens.access_token, keys, {
    issuer, audience: 'shop', typ: 'at+jwt',
  });
  assert.equal(payload.sub, 'orders');
  assert.equal(payload.scope, 'catalog.reservations');
  assert.equal(payload.roles, undefined);

  const wrong = await client.discovery(new URL(issuer), 'orders', undefined,
    client.ClientSecretPost('not-the-secret-not-the-secret-not-the'),
    { execute: [client.allowInsecureRequests] });
  await assert.rejects(client.clientCredentialsGrant(wrong),
    (error) => error.error === 'invalid_client');
});
