/**
 * The database's name and schema version, apart from db.ts so that code which only needs them (is
 * there a database yet? was it upgraded by a newer app?) does not load Dexie with the page.
 */
export const DB_NAME = 'wa-pricing-sandbox';

export const DB_VERSION = 5;
