/** Vite plugin: validates data/claims at build time and serves the compiled index as virtual modules. */
import type { Plugin } from 'vite';
import { compileIndex } from './compile';
import { DEFAULT_CLAIMS_DIR, loadDatabase } from './load';

/** The compiled match index (background only). */
export const INDEX_MODULE = 'virtual:nexus-lens/claim-index';
/** The validated database: claims, sources, entities (side panel cards). */
export const DATABASE_MODULE = 'virtual:nexus-lens/claim-database';

/** A build fails here, with every bad entry's file, id and reason, when the database is invalid. */
export function claimIndexPlugin(dir: string = DEFAULT_CLAIMS_DIR): Plugin {
  const resolved = new Map([
    [INDEX_MODULE, `\0${INDEX_MODULE}`],
    [DATABASE_MODULE, `\0${DATABASE_MODULE}`],
  ]);
  return {
    name: 'nexus-lens-claim-index',
    resolveId(id) {
      return resolved.get(id);
    },
    load(id) {
      if (id !== resolved.get(INDEX_MODULE) && id !== resolved.get(DATABASE_MODULE)) return undefined;
      this.addWatchFile(dir);
      const database = loadDatabase(dir);
      const value = id === resolved.get(INDEX_MODULE) ? compileIndex(database) : database;
      // JSON.parse of a string literal is faster to start than the same object as a JS literal.
      return `export default JSON.parse(${JSON.stringify(JSON.stringify(value))});`;
    },
  };
}
