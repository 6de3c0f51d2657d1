// Schema 8 (scale): the same rows in fewer bytes. Kept apart from migrations.ts for its length.
import type { Migration } from './migrations'

// region_categories (migration 3) holds exactly one row per region × category × date of a document, so its
// triggers remove or re-date a document's rows by their whole key, read from the tables it is derived from,
// and its index by document (as large as the table) goes. The row of a deleted document goes before the
// delete, as the cascades to its regions and measures run after it, when its date can no longer be read.
const REGION_CATEGORY_TRIGGERS = `
CREATE TRIGGER doc_categories_ad AFTER DELETE ON doc_categories BEGIN
  DELETE FROM region_categories WHERE (region_code, region_name, category, date, document_id) IN (
    SELECT dr.region_code, dr.region_name, OLD.category, COALESCE(d.date, ''), OLD.document_id
    FROM document_regions dr JOIN documents d ON d.id = dr.document_id WHERE dr.document_id = OLD.document_id);
END;
CREATE TRIGGER document_regions_compare_ad AFTER DELETE ON document_regions BEGIN
  DELETE FROM region_categories WHERE (region_code, region_name, category, date, document_id) IN (
    SELECT OLD.region_code, OLD.region_name, dc.category, COALESCE(d.date, ''), OLD.document_id
    FROM doc_categories dc JOIN documents d ON d.id = dc.document_id WHERE dc.document_id = OLD.document_id);
END;
CREATE TRIGGER documents_compare_date AFTER UPDATE OF date ON documents BEGIN
  UPDATE region_categories SET date = COALESCE(NEW.date, '') WHERE (region_code, region_name, category, date, document_id) IN (
    SELECT dr.region_code, dr.region_name, dc.category, COALESCE(OLD.date, ''), OLD.id
    FROM document_regions dr JOIN doc_categories dc ON dc.document_id = dr.document_id WHERE dr.document_id = OLD.id);
END;
CREATE TRIGGER documents_compare_bd BEFORE DELETE ON documents BEGIN
  DELETE FROM region_categories WHERE (region_code, region_name, category, date, document_id) IN (
    SELECT dr.region_code, dr.region_name, dc.category, COALESCE(OLD.date, ''), OLD.id
    FROM document_regions dr JOIN doc_categories dc ON dc.document_id = dr.document_id WHERE dr.document_id = OLD.id);
END;
CREATE TRIGGER documents_compare_ad AFTER DELETE ON documents BEGIN
  DELETE FROM doc_categories WHERE document_id = OLD.id;
END;
`

// document_regions and similar become WITHOUT ROWID tables: each was a rowid table plus an index on its
// primary key holding the same keys again. (Not measures: its two other indexes would then carry its text
// id instead of a rowid, as many bytes again as the primary key index saves.) Rebuilt by copy
// (legacy_alter_table: the rename must not check triggers of other tables that name the table while it is
// gone); their own index and triggers, dropped with them, are created again as migrations 1, 3 and 5 made them.
const WITHOUT_ROWID = `
PRAGMA legacy_alter_table = ON;
CREATE TABLE document_regions_new (
  document_id TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
  region_code TEXT NOT NULL,
  region_name TEXT NOT NULL,
  manual INTEGER NOT NULL DEFAULT 0,
  PRIMARY KEY (document_id, region_code, region_name),
  FOREIGN KEY (region_code, region_name) REFERENCES regions(code, name)
) WITHOUT ROWID;
INSERT INTO document_regions_new (document_id, region_code, region_name, manual) SELECT document_id, region_code, region_name, manual FROM document_regions;
DROP TABLE document_regions;
ALTER TABLE document_regions_new RENAME TO document_regions;
CREATE TABLE similar_new (
  a TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
  b TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
  score REAL NOT NULL,
  PRIMARY KEY (a, b)
) WITHOUT ROWID;
INSERT INTO similar_new (a, b, score) SELECT a, b, score FROM similar;
DROP TABLE similar;
ALTER TABLE similar_new RENAME TO similar;
PRAGMA legacy_alter_table = OFF;
CREATE INDEX document_regions_region ON document_regions(region_code);
CREATE TRIGGER document_regions_compare_ai AFTER INSERT ON document_regions BEGIN
  INSERT OR IGNORE INTO region_categories (region_code, region_name, category, date, document_id)
    SELECT NEW.region_code, NEW.region_name, dc.category, COALESCE(d.date, ''), NEW.document_id
    FROM doc_categories dc JOIN documents d ON d.id = dc.document_id WHERE dc.document_id = NEW.document_id;
END;
CREATE TRIGGER search_regions_insert AFTER INSERT ON document_regions BEGIN
  INSERT OR REPLACE INTO search_changes (document_id, kind) VALUES (new.document_id, 'm');
END;
CREATE TRIGGER search_regions_delete AFTER DELETE ON document_regions BEGIN
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

export const MIGRATION_8: Migration = {
  // The simplified shadow is stored as its differences from the text (text-pack.ts packShadow; readers use
  // unpack_shadow / shadowText), the removed passages packed (storeRemoved; read through unpack_text). region_categories is rebuilt last, so that it is exact whatever an older
  // version left. The archive is then compacted and brought to 8 KiB pages (load-db.ts compactIfSparse).
  version: 8,
  sql: `
UPDATE documents SET simplified = pack_shadow(text, simplified) WHERE simplified IS NOT NULL;
UPDATE documents SET removed_json = pack_text(removed_json) WHERE typeof(removed_json) = 'text' AND removed_json <> '[]';
${WITHOUT_ROWID}
DROP INDEX region_categories_document;
DROP TRIGGER doc_categories_ad;
DROP TRIGGER documents_compare_date;
DROP TRIGGER documents_compare_ad;
${REGION_CATEGORY_TRIGGERS}
DELETE FROM region_categories;
INSERT INTO region_categories (region_code, region_name, category, date, document_id)
  SELECT dr.region_code, dr.region_name, dc.category, COALESCE(d.date, ''), d.id
  FROM doc_categories dc JOIN document_regions dr ON dr.document_id = dc.document_id JOIN documents d ON d.id = dc.document_id;
`
}
