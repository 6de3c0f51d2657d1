// Numbered schema migrations, tracked with PRAGMA user_version. A migration is appended, never edited:
// archives in the field are upgraded step by step on open.
import type { Tx } from './archive'
import { MIGRATION_8 } from './migration-8'
import { MIGRATION_10 } from './migration-10'

export interface Migration {
  version: number
  sql: string
  /** Work the program does after `sql`, in the same journal record (values only it can compute). */
  then?: (tx: Pick<Tx, 'run' | 'all' | 'get'>) => void
}

/** Schema 5's change-log triggers, as written then (schema 9 rewrites them: see there). */
const SEARCH_CHANGE_TRIGGERS = `
CREATE TRIGGER search_documents_insert AFTER INSERT ON documents BEGIN
  INSERT OR REPLACE INTO search_changes (document_id, kind) VALUES (new.id, 't');
END;
CREATE TRIGGER search_documents_text AFTER UPDATE OF id, title, text, simplified ON documents BEGIN
  INSERT OR REPLACE INTO search_changes (document_id, kind) VALUES (old.id, 't');
  INSERT OR REPLACE INTO search_changes (document_id, kind) VALUES (new.id, 't');
END;
CREATE TRIGGER search_documents_meta AFTER UPDATE OF doc_type, date, trashed_at, warnings_json, duplicate_of ON documents BEGIN
  INSERT OR REPLACE INTO search_changes (document_id, kind) VALUES (new.id, 'm');
END;
CREATE TRIGGER search_documents_delete AFTER DELETE ON documents BEGIN
  INSERT OR REPLACE INTO search_changes (document_id, kind) VALUES (old.id, 't');
END;
CREATE TRIGGER search_regions_insert AFTER INSERT ON document_regions BEGIN
  INSERT OR REPLACE INTO search_changes (document_id, kind) VALUES (new.document_id, 'm');
END;
CREATE TRIGGER search_regions_delete AFTER DELETE ON document_regions BEGIN
  INSERT OR REPLACE INTO search_changes (document_id, kind) VALUES (old.document_id, 'm');
END;
CREATE TRIGGER search_tags_insert AFTER INSERT ON document_tags BEGIN
  INSERT OR REPLACE INTO search_changes (document_id, kind) VALUES (new.document_id, 'm');
END;
CREATE TRIGGER search_tags_update AFTER UPDATE ON document_tags BEGIN
  INSERT OR REPLACE INTO search_changes (document_id, kind) VALUES (new.document_id, 'm');
END;
CREATE TRIGGER search_tags_delete AFTER DELETE ON document_tags BEGIN
  INSERT OR REPLACE INTO search_changes (document_id, kind) VALUES (old.document_id, 'm');
END;
CREATE TRIGGER search_measures_insert AFTER INSERT ON measures BEGIN
  INSERT OR REPLACE INTO search_changes (document_id, kind) VALUES (new.document_id, 'm');
END;
CREATE TRIGGER search_measures_update AFTER UPDATE OF category, level, deleted, document_id ON measures BEGIN
  INSERT OR REPLACE INTO search_changes (document_id, kind) VALUES (new.document_id, 'm');
END;
CREATE TRIGGER search_measures_delete AFTER DELETE ON measures BEGIN
  INSERT OR REPLACE INTO search_changes (document_id, kind) VALUES (old.document_id, 'm');
END;
CREATE TRIGGER search_similar_insert AFTER INSERT ON similar BEGIN
  INSERT OR REPLACE INTO search_changes (document_id, kind) VALUES (new.a, 'm');
  INSERT OR REPLACE INTO search_changes (document_id, kind) VALUES (new.b, 'm');
END;
CREATE TRIGGER search_similar_delete AFTER DELETE ON similar BEGIN
  INSERT OR REPLACE INTO search_changes (document_id, kind) VALUES (old.a, 'm');
  INSERT OR REPLACE INTO search_changes (document_id, kind) VALUES (old.b, 'm');
END;
`

/**
 * The same triggers with each INSERT OR REPLACE split into a DELETE and a plain INSERT. A trigger's
 * conflict clause gives way to the statement that fired it: under INSERT OR IGNORE INTO document_tags
 * (a tag added in bulk) the log row that already existed for the document was kept, unchanged, and
 * the search index never saw the new tag.
 */
const SEARCH_CHANGE_TRIGGERS_V9 = SEARCH_CHANGE_TRIGGERS.replace(
  /INSERT OR REPLACE INTO search_changes \(document_id, kind\) VALUES \(([\w.]+), '(\w)'\);/g,
  "DELETE FROM search_changes WHERE document_id = $1 AND kind = '$2';\n  INSERT INTO search_changes (document_id, kind) VALUES ($1, '$2');"
)
const TRIGGER_NAMES = [...SEARCH_CHANGE_TRIGGERS.matchAll(/CREATE TRIGGER (\w+)/g)].map((m) => m[1])

export const MIGRATIONS: Migration[] = [
  {
    version: 1,
    sql: `
CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
-- One row per original file (content-addressed); its raw text is kept once however many parts it yields.
CREATE TABLE sources (
  sha256 TEXT PRIMARY KEY,
  path TEXT NOT NULL,
  format TEXT NOT NULL,
  encoding TEXT NOT NULL,
  size INTEGER NOT NULL,
  -- The decoded text before cleaning, deflate-compressed (it is read rarely and mostly repeats the documents' text).
  raw_text BLOB NOT NULL,
  -- The encoding a person chose after a doubtful guess; re-processing decodes with it.
  forced_encoding TEXT,
  imported_at TEXT NOT NULL
);
CREATE TABLE documents (
  id TEXT PRIMARY KEY,
  source_sha256 TEXT NOT NULL REFERENCES sources(sha256),
  source_path TEXT NOT NULL,
  format TEXT NOT NULL,
  encoding TEXT NOT NULL,
  part INTEGER NOT NULL DEFAULT 1,
  parts INTEGER NOT NULL DEFAULT 1,
  text TEXT NOT NULL,
  -- NULL when the text is already simplified script (saves half the space for most archives).
  simplified TEXT,
  title TEXT NOT NULL,
  doc_type TEXT NOT NULL,
  doc_type_detail TEXT,
  issuer TEXT,
  doc_number TEXT,
  date TEXT,
  script TEXT NOT NULL,
  removed_json TEXT NOT NULL DEFAULT '[]',
  warnings_json TEXT NOT NULL DEFAULT '[]',
  content_hash TEXT NOT NULL,
  minhash BLOB,
  duplicate_of TEXT,
  extractor_version INTEGER NOT NULL,
  -- Metadata fields a person corrected: re-processing leaves them alone.
  manual_fields TEXT NOT NULL DEFAULT '[]',
  imported_at TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  trashed_at TEXT
);
CREATE INDEX documents_date ON documents(date);
CREATE INDEX documents_imported ON documents(imported_at);
CREATE INDEX documents_hash ON documents(content_hash);
CREATE INDEX documents_source ON documents(source_sha256);
-- Keyed by code AND name: functional zones without a code of their own (郑东新区) carry their parent's.
CREATE TABLE regions (
  code TEXT NOT NULL,
  name TEXT NOT NULL,
  level TEXT NOT NULL,
  province TEXT NOT NULL,
  parent_code TEXT,
  PRIMARY KEY (code, name)
);
CREATE TABLE document_regions (
  document_id TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
  region_code TEXT NOT NULL,
  region_name TEXT NOT NULL,
  manual INTEGER NOT NULL DEFAULT 0,
  PRIMARY KEY (document_id, region_code, region_name),
  FOREIGN KEY (region_code, region_name) REFERENCES regions(code, name)
);
CREATE INDEX document_regions_region ON document_regions(region_code);
CREATE TABLE measures (
  id TEXT PRIMARY KEY,
  document_id TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
  category TEXT NOT NULL,
  level INTEGER NOT NULL,
  params_json TEXT NOT NULL DEFAULT '{}',
  target TEXT,
  lifted INTEGER NOT NULL DEFAULT 0,
  evidence_start INTEGER NOT NULL,
  evidence_end INTEGER NOT NULL,
  evidence_text TEXT NOT NULL,
  manual INTEGER NOT NULL DEFAULT 0,
  -- A person deleted an extracted measure: kept as a tombstone so re-processing does not bring it back.
  deleted INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX measures_document ON measures(document_id);
CREATE INDEX measures_category ON measures(category);
CREATE TABLE tags (
  id INTEGER PRIMARY KEY,
  name TEXT NOT NULL UNIQUE,
  color TEXT
);
CREATE TABLE document_tags (
  document_id TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
  tag_id INTEGER NOT NULL REFERENCES tags(id) ON DELETE CASCADE,
  origin TEXT NOT NULL DEFAULT 'manual',
  PRIMARY KEY (document_id, tag_id)
);
CREATE TABLE similar (
  a TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
  b TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
  score REAL NOT NULL,
  PRIMARY KEY (a, b)
);
-- Locality-sensitive hashing bands of each document's MinHash: near-duplicate candidates share a band.
-- band = band number × 2^32 + hash of the band's rows; one B-tree keyed by band (no rowid table).
CREATE TABLE lsh_bands (
  band INTEGER NOT NULL,
  document_id TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
  PRIMARY KEY (band, document_id)
) WITHOUT ROWID;
CREATE INDEX lsh_document ON lsh_bands(document_id);
-- The import queue: an interrupted job resumes, skipping the files it already handled.
CREATE TABLE import_jobs (
  id TEXT PRIMARY KEY,
  created_at TEXT NOT NULL,
  paths_json TEXT NOT NULL,
  tags_json TEXT NOT NULL DEFAULT '[]',
  -- Names to show for staged uploads: {"staged path": "name the user dropped"}.
  display_json TEXT NOT NULL DEFAULT '{}',
  status TEXT NOT NULL DEFAULT 'running',
  finished_at TEXT
);
CREATE TABLE import_job_files (
  job_id TEXT NOT NULL REFERENCES import_jobs(id) ON DELETE CASCADE,
  path TEXT NOT NULL,
  outcome TEXT NOT NULL,
  reason TEXT,
  PRIMARY KEY (job_id, path)
);
-- Files the watched inbox folder has handled (by size and modification time, so a changed file is seen again).
CREATE TABLE inbox_files (
  path TEXT PRIMARY KEY,
  size INTEGER NOT NULL,
  mtime_ms INTEGER NOT NULL,
  handled_at TEXT NOT NULL
);
CREATE TABLE saved_views (
  id TEXT PRIMARY KEY,
  name TEXT NOT NULL,
  kind TEXT NOT NULL,
  query_json TEXT NOT NULL,
  created_at TEXT NOT NULL
);
CREATE TABLE audit_log (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  at TEXT NOT NULL,
  action TEXT NOT NULL,
  document_id TEXT,
  detail_json TEXT NOT NULL DEFAULT '{}',
  -- Statements that reverse a user change (JSON [[sql, params], …]); NULL for changes that cannot be undone.
  undo_json TEXT,
  undone INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX audit_document ON audit_log(document_id);
INSERT INTO meta (key, value) VALUES ('seq', '0');
`
  },
  {
    // Near-duplicate bands moved to an index in memory (near-duplicates.ts), derived from documents.minhash.
    version: 2,
    sql: `DROP TABLE lsh_bands;`
  },
  {
    // Comparison: which documents state a category for a region, in date order, kept by triggers so that
    // every write path (import, corrections, re-processing, journal replay) keeps it exact. The compare
    // engine seeks (region, category, date) instead of reading every measure of every document of a region.
    version: 3,
    sql: `
CREATE TABLE doc_categories (
  document_id TEXT NOT NULL,
  category TEXT NOT NULL,
  -- Measures of that category in the document, not deleted by hand.
  n INTEGER NOT NULL,
  PRIMARY KEY (document_id, category)
) WITHOUT ROWID;
CREATE TABLE region_categories (
  region_code TEXT NOT NULL,
  region_name TEXT NOT NULL,
  category TEXT NOT NULL,
  -- The document's date, '' when it has none.
  date TEXT NOT NULL,
  document_id TEXT NOT NULL,
  PRIMARY KEY (region_code, region_name, category, date, document_id)
) WITHOUT ROWID;
CREATE INDEX region_categories_document ON region_categories(document_id);
-- Trash and duplicate checks on candidate documents without reading their (long) rows.
CREATE INDEX documents_compare ON documents(id, trashed_at, duplicate_of, date);
CREATE TRIGGER measures_compare_ai AFTER INSERT ON measures WHEN NEW.deleted = 0 BEGIN
  INSERT INTO doc_categories (document_id, category, n) VALUES (NEW.document_id, NEW.category, 1)
    ON CONFLICT (document_id, category) DO UPDATE SET n = n + 1;
END;
CREATE TRIGGER measures_compare_ad AFTER DELETE ON measures WHEN OLD.deleted = 0 BEGIN
  UPDATE doc_categories SET n = n - 1 WHERE document_id = OLD.document_id AND category = OLD.category;
  DELETE FROM doc_categories WHERE document_id = OLD.document_id AND category = OLD.category AND n <= 0;
END;
CREATE TRIGGER measures_compare_au AFTER UPDATE OF category, deleted, document_id ON measures BEGIN
  UPDATE doc_categories SET n = n - 1 WHERE OLD.deleted = 0 AND document_id = OLD.document_id AND category = OLD.category;
  DELETE FROM doc_categories WHERE OLD.deleted = 0 AND document_id = OLD.document_id AND category = OLD.category AND n <= 0;
  INSERT INTO doc_categories (document_id, category, n) SELECT NEW.document_id, NEW.category, 1 WHERE NEW.deleted = 0
    ON CONFLICT (document_id, category) DO UPDATE SET n = n + 1;
END;
CREATE TRIGGER doc_categories_ai AFTER INSERT ON doc_categories BEGIN
  INSERT OR IGNORE INTO region_categories (region_code, region_name, category, date, document_id)
    SELECT dr.region_code, dr.region_name, NEW.category, COALESCE(d.date, ''), NEW.document_id
    FROM document_regions dr JOIN documents d ON d.id = dr.document_id WHERE dr.document_id = NEW.document_id;
END;
CREATE TRIGGER doc_categories_ad AFTER DELETE ON doc_categories BEGIN
  DELETE FROM region_categories WHERE document_id = OLD.document_id AND category = OLD.category;
END;
CREATE TRIGGER document_regions_compare_ai AFTER INSERT ON document_regions BEGIN
  INSERT OR IGNORE INTO region_categories (region_code, region_name, category, date, document_id)
    SELECT NEW.region_code, NEW.region_name, dc.category, COALESCE(d.date, ''), NEW.document_id
    FROM doc_categories dc JOIN documents d ON d.id = dc.document_id WHERE dc.document_id = NEW.document_id;
END;
CREATE TRIGGER document_regions_compare_ad AFTER DELETE ON document_regions BEGIN
  DELETE FROM region_categories WHERE document_id = OLD.document_id AND region_code = OLD.region_code AND region_name = OLD.region_name;
END;
CREATE TRIGGER documents_compare_date AFTER UPDATE OF date ON documents BEGIN
  UPDATE region_categories SET date = COALESCE(NEW.date, '') WHERE document_id = NEW.id;
END;
CREATE TRIGGER documents_compare_ad AFTER DELETE ON documents BEGIN
  DELETE FROM doc_categories WHERE document_id = OLD.id;
  DELETE FROM region_categories WHERE document_id = OLD.id;
END;
INSERT INTO doc_categories (document_id, category, n)
  SELECT document_id, category, COUNT(*) FROM measures WHERE deleted = 0 GROUP BY document_id, category;
`
  },
  {
    // A title the extractor built (a split part without a heading); a person's edit clears it.
    version: 4,
    sql: `ALTER TABLE documents ADD COLUMN title_derived INTEGER NOT NULL DEFAULT 0;`
  },
  {
    // The search index (src-main/node/search) is derived data kept outside the database; these
    // triggers log which documents changed (kind 't': text or title, 'm': anything else it filters
    // on), one row per document and kind, so the index catches up after any write, journal replay included.
    version: 5,
    sql: `
CREATE TABLE search_changes (
  seq INTEGER PRIMARY KEY AUTOINCREMENT,
  document_id TEXT NOT NULL,
  kind TEXT NOT NULL,
  UNIQUE (document_id, kind)
);
${SEARCH_CHANGE_TRIGGERS}`
  },
  {
    // Tag rules, and tombstones of tags a person removed by hand (a rule never puts those back).
    version: 6,
    sql: `
CREATE TABLE tag_rules (
  id TEXT PRIMARY KEY,
  name TEXT NOT NULL,
  tag_id INTEGER NOT NULL REFERENCES tags(id) ON DELETE CASCADE,
  match_json TEXT NOT NULL,
  enabled INTEGER NOT NULL DEFAULT 1,
  created_at TEXT NOT NULL
);
CREATE TABLE tag_tombstones (
  document_id TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
  tag_id INTEGER NOT NULL REFERENCES tags(id) ON DELETE CASCADE,
  removed_at TEXT NOT NULL,
  PRIMARY KEY (document_id, tag_id)
) WITHOUT ROWID;
CREATE INDEX document_tags_tag ON document_tags(tag_id);
CREATE INDEX documents_trashed ON documents(trashed_at);
`
  },
  {
    // Scale: document texts are stored deflated (text-pack.ts; readers use unpack_text/storedText), and the
    // raw decoded text of each source goes: nothing read it, and the original file it came from is kept.
    version: 7,
    sql: `
UPDATE documents SET text = pack_text(text), simplified = pack_text(simplified) WHERE typeof(text) = 'text';
ALTER TABLE sources DROP COLUMN raw_text;
`
  },
  MIGRATION_8,
  {
    // Search: the change log is written whatever conflict policy the triggering statement has.
    version: 9,
    sql: `${TRIGGER_NAMES.map((n) => `DROP TRIGGER IF EXISTS ${n};`).join('\n')}\n${SEARCH_CHANGE_TRIGGERS_V9}`
  },
  MIGRATION_10,
  {
    // The library's first page in its two date orders (documents-read.ts LIST_ORDER) reads 50 rows through an
    // index instead of sorting every document: the sort read each row past its text, 0.2 to 0.3 s at 20,000.
    version: 11,
    sql: `
CREATE INDEX documents_newest ON documents(trashed_at, imported_at DESC, part);
CREATE INDEX documents_by_date ON documents(trashed_at, date IS NULL, date DESC, imported_at DESC);
`
  },
  {
    // Deleting a document (emptying the trash, merging, re-processing) cascades to similar by b as well
    // as by a, and a document's near-duplicates are read both ways: without an index on b each was a scan
    // of every pair (130 ms per deleted document at 20,000 documents; 17 ms with it).
    version: 12,
    sql: 'CREATE INDEX similar_b ON similar(b);'
  }
]

export const SCHEMA_VERSION = MIGRATIONS[MIGRATIONS.length - 1].version
