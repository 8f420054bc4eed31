// Library page wiring: every note across articles (live from the database), export and import, and
// the bundled claim database.
import { render } from 'preact';
import { useEffect, useMemo, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import database from 'virtual:nexus-lens/claim-database';
import { ClaimBrowser } from '../../components/ClaimBrowser';
import { EMPTY_QUERY, NotesLibrary, type ExportFormat, type LibraryQuery } from '../../components/NotesLibrary';
import { exportFileName, parseImport, toCsv, toJson, toMarkdown, toWebAnnotation } from '../../lib/export';
import { ImportError } from '../../lib/export/import';
import { openNotesDb } from '../../lib/notes/db';
import { allData, deleteNote, filterNotes, importData, requestPersistence, updateNote, watchNotes } from '../../lib/notes/repository';
import type { Note, NotePatch } from '../../lib/notes/types';

const db = openNotesDb();
const statements = new Map(database.claims.map((c) => [c.id, c.statement]));
const messageOf = (err: unknown) => (err instanceof Error ? err.message : String(err));
const tell = (urls: string[]) =>
  browser.runtime.sendMessage({ type: 'notesChanged', payload: { urls: [...new Set(urls)] } }).catch(() => undefined);

/** Saves a text as a file through a temporary object URL: nothing leaves the machine. */
function download(name: string, text: string, type: string) {
  const url = URL.createObjectURL(new Blob([text], { type }));
  const link = document.createElement('a');
  link.href = url;
  link.download = name;
  link.click();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

function toRepositoryQuery(q: LibraryQuery) {
  return {
    ...(q.text.trim() ? { text: q.text } : {}),
    ...(q.tag ? { tags: [q.tag] } : {}),
    ...(q.category ? { category: q.category } : {}),
    ...(q.claimId ? { claimId: q.claimId } : {}),
    ...(q.site ? { site: q.site } : {}),
    ...(q.from ? { from: new Date(`${q.from}T00:00:00`).toISOString() } : {}),
    ...(q.to ? { to: new Date(`${q.to}T23:59:59.999`).toISOString() } : {}),
    sort: q.sort,
  };
}

function Library() {
  const [view, setView] = useState<'notes' | 'claims'>(location.hash === '#claims' ? 'claims' : 'notes');
  const [query, setQuery] = useState<LibraryQuery>(EMPTY_QUERY);
  const [everything, setEverything] = useState<Note[] | undefined>(undefined);
  const [status, setStatus] = useState<{ kind: 'info' | 'error'; text: string; details?: string[] }>();
  const [busy, setBusy] = useState<string>();

  useEffect(() => {
    void requestPersistence().then((granted) => {
      if (granted === false)
        setStatus({ kind: 'info', text: 'Your browser may clear stored data under storage pressure: export your notes now and then.' });
    });
    return watchNotes(db, {}, setEverything, (err) => setStatus({ kind: 'error', text: messageOf(err) }));
  }, []);
  // Every note is held live in memory and filtered per keystroke: re-reading 10k notes from
  // IndexedDB for each query costs a few hundred milliseconds, filtering them a few.
  const notes = useMemo(() => {
    if (!everything) return undefined;
    try {
      return filterNotes(everything, toRepositoryQuery(query));
    } catch (err) {
      setStatus({ kind: 'error', text: messageOf(err) });
      return [];
    }
  }, [everything, query]);

  const facets = useMemo(() => {
    const tags = new Set<string>();
    const sites = new Set<string>();
    const claims = new Set<string>();
    for (const n of everything ?? []) {
      n.tags.forEach((t) => tags.add(t));
      sites.add(n.site);
      if (n.claimId) claims.add(n.claimId);
    }
    return {
      tags: [...tags].sort(),
      sites: [...sites].sort(),
      claims: [...claims].sort().map((id) => ({ id, label: (statements.get(id) ?? id).slice(0, 90) })),
    };
  }, [everything]);

  async function runExport(format: ExportFormat, scope: 'all' | 'filter') {
    setBusy(`Exporting ${scope === 'all' ? (everything?.length ?? 0) : (notes?.length ?? 0)} notes…`);
    try {
      const data = await allData(db);
      const chosen = scope === 'all' ? data.notes : (notes ?? []);
      const urls = new Set(chosen.map((n) => n.url));
      const documents = data.documents.filter((d) => urls.has(d.url));
      const name = exportFileName(format, scope === 'all' ? 'all' : 'filtered');
      if (format === 'json') download(name, toJson({ notes: chosen, documents }), 'application/json');
      if (format === 'jsonld') download(name, JSON.stringify(toWebAnnotation(chosen), null, 2), 'application/ld+json');
      if (format === 'md') download(name, toMarkdown({ notes: chosen, documents }), 'text/markdown');
      if (format === 'csv') download(name, toCsv(chosen), 'text/csv');
      setStatus({ kind: 'info', text: `Exported ${chosen.length} notes to ${name}.` });
    } catch (err) {
      setStatus({ kind: 'error', text: `The export failed: ${messageOf(err)} Nothing was changed.` });
    } finally {
      setBusy(undefined);
    }
  }

  async function runImport(file: File) {
    setBusy(`Reading ${file.name}…`);
    try {
      const bundle = parseImport(await file.text(), file.name);
      setBusy(`Importing ${bundle.notes.length} notes…`);
      const result = await importData(db, bundle);
      void tell(bundle.notes.map((n) => n.url));
      setStatus({
        kind: 'info',
        text: `Imported ${file.name}: ${result.added} new, ${result.updated} updated, ${result.unchanged} already here.`,
        details: bundle.warnings,
      });
    } catch (err) {
      if (err instanceof ImportError) setStatus({ kind: 'error', text: `${file.name}: ${err.message} Nothing was imported.`, details: err.details });
      else setStatus({ kind: 'error', text: `${file.name} could not be imported: ${messageOf(err)} Nothing was imported.` });
    } finally {
      setBusy(undefined);
    }
  }

  const onUpdate = async (note: Note, patch: NotePatch) => {
    try {
      await updateNote(db, note.id, patch);
      void tell([note.url]);
      return undefined;
    } catch (err) {
      return messageOf(err);
    }
  };
  const onDelete = async (note: Note) => {
    try {
      await deleteNote(db, note.id);
      void tell([note.url]);
      return undefined;
    } catch (err) {
      return messageOf(err);
    }
  };

  return (
    <main class="library">
      <header>
        <h1>Nexus Lens library</h1>
        <nav aria-label="Library sections">
          <button type="button" aria-pressed={view === 'notes'} onClick={() => setView('notes')}>
            Your notes
          </button>
          <button type="button" aria-pressed={view === 'claims'} onClick={() => setView('claims')}>
            Claim database
          </button>
        </nav>
      </header>
      {view === 'notes' ? (
        <NotesLibrary
          notes={notes}
          total={everything?.length ?? 0}
          query={query}
          onQuery={setQuery}
          facets={facets}
          claimStatement={(id) => statements.get(id)}
          status={status}
          busy={busy}
          onExport={(format, scope) => void runExport(format, scope)}
          onImport={(file) => void runImport(file)}
          onUpdate={onUpdate}
          onDelete={onDelete}
        />
      ) : (
        <ClaimBrowser database={database} />
      )}
    </main>
  );
}

render(<Library />, document.getElementById('app') as HTMLElement);
