// Schema 10 (compare): region_categories carries each document's tier for the region (own, shared,
// foreign: compare/tier.ts), in its key before the date, so a comparison reads the newest documents of
// one tier with one index seek. Before, it judged every document naming a region until it met one of the
// region's own, and a district named only beside its city (no own documents) cost a scan of them all.
import type { Migration } from './migrations'
import { refreshAllTiers } from './region-tiers'

/** Keys of a document's rows in region_categories, from the tables they derive from. */
const rowsOf = (doc: string, date: string): string => `
    SELECT dr.region_code, dr.region_name, dc.category, dr.tier, ${date}, ${doc}
    FROM document_regions dr JOIN doc_categories dc ON dc.document_id = dr.document_id WHERE dr.document_id = ${doc}`

export const TIER_TABLE = `
CREATE TABLE region_categories_new (
  region_code TEXT NOT NULL,
  region_name TEXT NOT NULL,
  category TEXT NOT NULL,
  -- document_regions.tier: 0 own, 1 shared, 2 foreign.
  tier INTEGER NOT NULL,
  -- The document's date, '' when it has none.
  date TEXT NOT NULL,
  document_id TEXT NOT NULL,
  PRIMARY KEY (region_code, region_name, category, tier, date, document_id)
) WITHOUT ROWID;
INSERT INTO region_categories_new (region_code, region_name, category, tier, date, document_id)
  SELECT dr.region_code, dr.region_name, dc.category, dr.tier, COALESCE(d.date, ''), d.id
  FROM doc_categories dc JOIN document_regions dr ON dr.document_id = dc.document_id JOIN documents d ON d.id = dc.document_id;
DROP TABLE region_categories;
PRAGMA legacy_alter_table = ON;
ALTER TABLE region_categories_new RENAME TO region_categories;
PRAGMA legacy_alter_table = OFF;
`

const TRIGGERS = `
DROP TRIGGER IF EXISTS doc_categories_ai;
DROP TRIGGER IF EXISTS doc_categories_ad;
DROP TRIGGER IF EXISTS document_regions_compare_ai;
DROP TRIGGER IF EXISTS document_regions_compare_ad;
DROP TRIGGER IF EXISTS documents_compare_date;
DROP TRIGGER IF EXISTS documents_compare_bd;
CREATE TRIGGER doc_categories_ai AFTER INSERT ON doc_categories BEGIN
  INSERT OR IGNORE INTO region_categories (region_code, region_name, category, tier, date, document_id)
    SELECT dr.region_code, dr.region_name, NEW.category, dr.tier, COALESCE(d.date, ''), NEW.document_id
    FROM document_regions dr JOIN documents d ON d.id = dr.document_id WHERE dr.document_id = NEW.document_id;
END;
CREATE TRIGGER doc_categories_ad AFTER DELETE ON doc_categories BEGIN
  DELETE FROM region_categories WHERE (region_code, region_name, category, tier, date, document_id) IN (
    SELECT dr.region_code, dr.region_name, OLD.category, dr.tier, COALESCE(d.date, ''), OLD.document_id
    FROM document_regions dr JOIN documents d ON d.id = dr.document_id WHERE dr.document_id = OLD.document_id);
END;
CREATE TRIGGER document_regions_compare_ai AFTER INSERT ON document_regions BEGIN
  INSERT OR IGNORE INTO region_categories (region_code, region_name, category, tier, date, document_id)
    SELECT NEW.region_code, NEW.region_name, dc.category, NEW.tier, COALESCE(d.date, ''), NEW.document_id
    FROM doc_categories dc JOIN documents d ON d.id = dc.document_id WHERE dc.document_id = NEW.document_id;
END;
CREATE TRIGGER document_regions_compare_ad AFTER DELETE ON document_regions BEGIN
  DELETE FROM region_categories WHERE (region_code, region_name, category, tier, date, document_id) IN (
    SELECT OLD.region_code, OLD.region_name, dc.category, OLD.tier, COALESCE(d.date, ''), OLD.document_id
    FROM doc_categories dc JOIN documents d ON d.id = dc.document_id WHERE dc.document_id = OLD.document_id);
END;
CREATE TRIGGER document_regions_compare_tier AFTER UPDATE OF tier ON document_regions BEGIN
  UPDATE region_categories SET tier = NEW.tier WHERE (region_code, region_name, category, tier, date, document_id) IN (
    SELECT OLD.region_code, OLD.region_name, dc.category, OLD.tier, COALESCE(d.date, ''), OLD.document_id
    FROM doc_categories dc JOIN documents d ON d.id = dc.document_id WHERE dc.document_id = OLD.document_id);
END;
CREATE TRIGGER documents_compare_date AFTER UPDATE OF date ON documents BEGIN
  UPDATE region_categories SET date = COALESCE(NEW.date, '') WHERE (region_code, region_name, category, tier, date, document_id) IN (${rowsOf('OLD.id', "COALESCE(OLD.date, '')")});
END;
CREATE TRIGGER documents_compare_bd BEFORE DELETE ON documents BEGIN
  DELETE FROM region_categories WHERE (region_code, region_name, category, tier, date, document_id) IN (${rowsOf('OLD.id', "COALESCE(OLD.date, '')")});
END;
`

export const MIGRATION_10: Migration = {
  version: 10,
  sql: 'ALTER TABLE document_regions ADD COLUMN tier INTEGER NOT NULL DEFAULT 1;',
  // Tiers are computed here, in the program (they need the gazetteer), and written as plain UPDATEs
  // before the table is rebuilt from them.
  then: (tx) => {
    refreshAllTiers(tx)
    tx.run(TIER_TABLE)
    tx.run(TRIGGERS)
  }
}
