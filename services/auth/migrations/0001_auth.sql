-- Written in the SQL that PostgreSQL 15 and SQLite 3.40 share. Times are Unix
-- milliseconds. Bearer secrets (codes, refresh tokens, session ids, client
-- secrets) are stored only as SHA-256 digests: a copy of this database lets
-- nobody sign in or call anything.

CREATE TABLE users (
  id TEXT PRIMARY KEY,
  email TEXT NOT NULL UNIQUE,          -- normalised (see domain/email.h)
  password_hash TEXT,                  -- Argon2id, PHC string; NULL once erased
  name TEXT NOT NULL,
  roles TEXT NOT NULL,                 -- space-separated
  status TEXT NOT NULL CHECK (status IN ('active', 'erased')),
  created_at BIGINT NOT NULL,
  updated_at BIGINT NOT NULL
);

CREATE TABLE clients (
  id TEXT PRIMARY KEY,
  name TEXT NOT NULL,
  secret_hash TEXT,                    -- NULL: a public client (PKCE only)
  redirect_uris TEXT NOT NULL,         -- JSON array, matched exactly
  post_logout_redirect_uris TEXT NOT NULL,
  grant_types TEXT NOT NULL,           -- space-separated
  scopes TEXT NOT NULL,                -- space-separated: what it may be granted
  created_at BIGINT NOT NULL
);

CREATE TABLE signing_keys (
  id TEXT PRIMARY KEY,                 -- the JWS "kid"
  algorithm TEXT NOT NULL,
  sealed_private_key TEXT NOT NULL,    -- AES-256-GCM box of the PEM, base64
  signs_from BIGINT NOT NULL UNIQUE,   -- unique: replicas rotating at once agree
  signs_until BIGINT NOT NULL,
  published_until BIGINT NOT NULL      -- in the JWKS until its last token expires
);

CREATE TABLE browser_sessions (
  id_hash TEXT PRIMARY KEY,
  user_id TEXT NOT NULL REFERENCES users (id),
  authenticated_at BIGINT NOT NULL,
  expires_at BIGINT NOT NULL,
  revoked_at BIGINT
);
CREATE INDEX browser_sessions_user ON browser_sessions (user_id);

-- An authorization request waiting for the user to sign in or sign up. The
-- browser holds the id (in the form) and a binding secret (in a cookie).
CREATE TABLE pending_authorizations (
  id TEXT PRIMARY KEY,
  binding_hash TEXT NOT NULL,
  client_id TEXT NOT NULL REFERENCES clients (id) ON DELETE CASCADE,
  redirect_uri TEXT NOT NULL,
  scope TEXT NOT NULL,
  state TEXT,
  nonce TEXT,
  code_challenge TEXT NOT NULL,
  expires_at BIGINT NOT NULL
);

CREATE TABLE authorization_codes (
  code_hash TEXT PRIMARY KEY,
  client_id TEXT NOT NULL REFERENCES clients (id) ON DELETE CASCADE,
  user_id TEXT NOT NULL REFERENCES users (id),
  redirect_uri TEXT NOT NULL,
  scope TEXT NOT NULL,
  nonce TEXT,
  code_challenge TEXT NOT NULL,
  session_hash TEXT NOT NULL,
  auth_time BIGINT NOT NULL,
  family_id TEXT NOT NULL,             -- the refresh-token family it starts
  expires_at BIGINT NOT NULL,
  used_at BIGINT
);

-- Refresh tokens rotate: each use spends the token and issues the next one of
-- the same family. A spent token presented again means it was stolen, and the
-- whole family is revoked (OAuth 2.1 §4.3.1).
CREATE TABLE refresh_tokens (
  token_hash TEXT PRIMARY KEY,
  family_id TEXT NOT NULL,
  client_id TEXT NOT NULL REFERENCES clients (id) ON DELETE CASCADE,
  user_id TEXT NOT NULL REFERENCES users (id),
  scope TEXT NOT NULL,
  session_hash TEXT NOT NULL,
  auth_time BIGINT NOT NULL,
  expires_at BIGINT NOT NULL,
  family_expires_at BIGINT NOT NULL,
  used_at BIGINT,
  revoked_at BIGINT
);
CREATE INDEX refresh_tokens_family ON refresh_tokens (family_id);
CREATE INDEX refresh_tokens_user ON refresh_tokens (user_id);

CREATE TABLE revoked_access_tokens (
  token_id TEXT PRIMARY KEY,
  expires_at BIGINT NOT NULL
);

-- Failed sign-ins per account and per address (domain/throttle.h).
CREATE TABLE sign_in_throttle (
  subject TEXT PRIMARY KEY,
  failures INTEGER NOT NULL,
  window_started_at BIGINT NOT NULL,
  blocked_until BIGINT NOT NULL
);
