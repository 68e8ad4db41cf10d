-- Documents county staff hand in through the service (their notices, plans and reports). A
-- submission keeps the file as sent (base64) and what its editor confirmed (region, year, 文号,
-- kind); once approved it joins the corpus the site is built from, with those facts as its sidecar.
create table document_submissions (
  id serial primary key,
  region text not null,
  file_name text not null,
  content_base64 text not null,
  digest text not null,
  year integer not null check (year between 1990 and 2100),
  doc_number text,
  kind text check (kind in ('notice', 'plan', 'news', 'page')),
  title text not null,
  -- What the pipeline proposed when it was handed in (JSON), for the reviewer beside the editor's answers.
  proposal text not null,
  state text not null check (state in ('pending', 'approved', 'rejected')),
  reason text,
  author_id integer references users (id),
  reviewer_id integer references users (id),
  created_at timestamptz not null default now(),
  decided_at timestamptz
);
create index document_submissions_state on document_submissions (state, region);
-- The same file is handed in once: a second copy is refused with the first one's standing.
create unique index document_submissions_digest on document_submissions (digest) where state <> 'rejected';
