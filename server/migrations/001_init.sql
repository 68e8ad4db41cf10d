-- Accounts, submissions and what is published. Plain PostgreSQL: the same file runs on PGlite
-- (the default, embedded) and on a PostgreSQL server (DATABASE_URL).
create table users (
  id serial primary key,
  name text not null unique,
  password_hash text not null,
  role text not null check (role in ('admin', 'reviewer', 'editor')),
  region text not null,
  created_at timestamptz not null default now()
);

create table invitations (
  token_hash text primary key,
  role text not null check (role in ('admin', 'reviewer', 'editor')),
  region text not null,
  created_by integer references users (id),
  created_at timestamptz not null default now(),
  expires_at timestamptz not null,
  used_at timestamptz,
  used_by integer references users (id)
);

create table sessions (
  token_hash text primary key,
  user_id integer not null references users (id),
  csrf text not null,
  created_at timestamptz not null default now(),
  expires_at timestamptz not null
);

-- Every state-changing request carries a fresh id: a replayed request is refused.
create table request_ids (
  id text primary key,
  user_id integer not null,
  at timestamptz not null default now()
);

create table submissions (
  id serial primary key,
  region text not null,
  entry_id text not null,
  yaml text not null,
  revision integer not null,
  title text not null,
  state text not null check (state in ('pending', 'approved', 'rejected', 'superseded')),
  reason text,
  -- null: imported from files (npm run entries:import)
  author_id integer references users (id),
  reviewer_id integer references users (id),
  created_at timestamptz not null default now(),
  decided_at timestamptz
);
create index submissions_state on submissions (state, region);

-- What the site shows: one row per entry, the approved revision.
create table published (
  region text not null,
  entry_id text not null,
  yaml text not null,
  revision integer not null,
  submission_id integer not null references submissions (id),
  published_at timestamptz not null default now(),
  primary key (region, entry_id)
);

create table audit (
  id serial primary key,
  at timestamptz not null default now(),
  user_id integer,
  action text not null,
  target text,
  detail text
);

-- `wanted` rises with every approval; `built` is the last generation written to the site. A
-- service killed mid-publish finds built < wanted on restart and publishes again.
create table site_state (
  id integer primary key check (id = 1),
  wanted integer not null default 0,
  built integer not null default 0,
  version text
);
insert into site_state (id) values (1);
