-- What every submission reads and writes, made cheap (README › Performance, the editors' bench).
-- The two writes are functions: PL/pgSQL keeps their plans, where the same statements sent as text
-- are parsed and planned on each request. Each call is still one statement: atomic, one round trip.

-- A new submission supersedes the same entry's waiting one: found by entry, not by scanning every
-- waiting submission of the region (a county with thousands waiting).
create index submissions_pending_entry on submissions (region, entry_id) where state = 'pending';

-- A session by its token's hash, with its user (no row: no such session). Every request's
-- session() (server/sessions.ts) and take_request below read it.
create function session_of(p_token_hash text)
returns table (id integer, name text, role text, region text, csrf text, expired boolean)
language sql stable as $$
  select u.id, u.name, u.role, u.region, s.csrf, s.expires_at < now() from sessions s join users u on u.id = s.user_id where s.token_hash = p_token_hash
$$;

-- A change request's session, with its one-time request id taken only if the session holds (not
-- expired, the CSRF token right). No row: no such session. fresh = false: the id was used before.
create function take_request(p_token_hash text, p_request_id text, p_csrf text)
returns table (id integer, name text, role text, region text, csrf text, expired boolean, fresh boolean)
language plpgsql as $$
#variable_conflict use_column
declare
  s record;
  took boolean := false;
begin
  select * into s from session_of(p_token_hash);
  if not found then
    return;
  end if;
  if p_request_id is not null and not s.expired and s.csrf = p_csrf then
    insert into request_ids (id, user_id) values (p_request_id, s.id) on conflict do nothing;
    took := found;
  end if;
  return query select s.id, s.name, s.role, s.region, s.csrf, s.expired, took;
end
$$;

-- A submission: refused (submission_id null) if that revision or a later one is published; else a
-- newer submission of the same entry replaces the one still waiting, with its audit line.
create function submit_entry(p_region text, p_entry_id text, p_yaml text, p_revision integer, p_title text, p_author integer,
                             out submission_id integer, out published_revision integer)
language plpgsql as $$
begin
  select p.revision into published_revision from published p where p.region = p_region and p.entry_id = p_entry_id;
  if published_revision >= p_revision then
    return;
  end if;
  update submissions set state = 'superseded', decided_at = now()
   where region = p_region and entry_id = p_entry_id and state = 'pending';
  insert into submissions (region, entry_id, yaml, revision, title, state, author_id)
  values (p_region, p_entry_id, p_yaml, p_revision, p_title, 'pending', p_author)
  returning id into submission_id;
  insert into audit (user_id, action, target, detail) values (p_author, 'submit', p_region || '/' || p_entry_id, 'revision ' || p_revision);
end
$$;
