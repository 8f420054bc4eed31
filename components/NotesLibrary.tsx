/** The library of every note: search, filters, sort, grouping, export and import. Presentational. */
import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import { NOTE_CATEGORIES, type Note, type NoteCategory, type NotePatch } from '../lib/notes/types';
import { CATEGORY_LABEL, NoteItem } from './NoteItem';

/** The library's query, as the entry point runs it against the database. */
export interface LibraryQuery {
  text: string;
  tag: string;
  category: NoteCategory | '';
  claimId: string;
  site: string;
  from: string;
  to: string;
  sort: 'newest' | 'oldest' | 'site' | 'claim';
}

export const EMPTY_QUERY: LibraryQuery = { text: '', tag: '', category: '', claimId: '', site: '', from: '', to: '', sort: 'newest' };

export type ExportFormat = 'json' | 'jsonld' | 'md' | 'csv';
export const EXPORT_LABEL: Record<ExportFormat, string> = {
  json: 'JSON (re-importable)',
  jsonld: 'Web Annotation (JSON-LD)',
  md: 'Markdown',
  csv: 'CSV (spreadsheet)',
};

export interface NotesLibraryProps {
  /** Notes matching the query, already sorted; undefined while loading. */
  notes: Note[] | undefined;
  total: number;
  query: LibraryQuery;
  onQuery: (query: LibraryQuery) => void;
  /** Filter choices: every tag, site and linked claim in the database. */
  facets: { tags: string[]; sites: string[]; claims: { id: string; label: string }[] };
  claimStatement: (id: string) => string | undefined;
  /** A line about the last export or import, or a storage warning. */
  status?: { kind: 'info' | 'error'; text: string; details?: string[] };
  busy?: string;
  onExport: (format: ExportFormat, scope: 'all' | 'filter') => void;
  onImport: (file: File) => void;
  onUpdate: (note: Note, patch: NotePatch) => Promise<string | undefined>;
  onDelete: (note: Note) => Promise<string | undefined>;
}

/** Notes are shown in pages of this many; more render as the reader scrolls. */
const PAGE = 100;

function groupNotes(notes: Note[], by: 'article' | 'claim'): { key: string; title: string; link?: string; notes: Note[] }[] {
  const groups = new Map<string, { key: string; title: string; link?: string; notes: Note[] }>();
  for (const note of notes) {
    const key = by === 'article' ? note.url : (note.claimId ?? '');
    let group = groups.get(key);
    if (!group) {
      group = by === 'article' ? { key, title: note.title || note.url, link: note.pageUrl, notes: [] } : { key, title: key, notes: [] };
      groups.set(key, group);
    }
    group.notes.push(note);
  }
  return [...groups.values()];
}

export function NotesLibrary(props: NotesLibraryProps) {
  const { notes, query, onQuery, facets } = props;
  const [groupBy, setGroupBy] = useState<'article' | 'claim'>('article');
  const [shown, setShown] = useState(PAGE);
  const more = useRef<HTMLDivElement>(null);
  const fileInput = useRef<HTMLInputElement>(null);
  const set = <K extends keyof LibraryQuery>(key: K, value: LibraryQuery[K]) => onQuery({ ...query, [key]: value });

  useEffect(() => setShown(PAGE), [query, groupBy]);
  // Render more as the end of the list comes into view: 10k notes never render at once.
  useEffect(() => {
    const sentinel = more.current;
    if (!sentinel || typeof IntersectionObserver === 'undefined') return undefined;
    const observer = new IntersectionObserver((entries) => {
      if (entries.some((e) => e.isIntersecting)) setShown((n) => n + PAGE);
    });
    observer.observe(sentinel);
    return () => observer.disconnect();
  }, [notes, shown]);

  const visible = useMemo(() => (notes ?? []).slice(0, shown), [notes, shown]);
  const groups = useMemo(() => groupNotes(visible, groupBy), [visible, groupBy]);

  return (
    <section aria-label="Your highlights and notes" class="notes-library">
      <div class="filters" role="search">
        <input
          type="search"
          placeholder="Search quotes, notes, tags, titles"
          aria-label="Search your notes"
          value={query.text}
          onInput={(e) => set('text', (e.target as HTMLInputElement).value)}
        />
        <label>
          Tag
          <select value={query.tag} onChange={(e) => set('tag', (e.target as HTMLSelectElement).value)}>
            <option value="">Any</option>
            {facets.tags.map((t) => (
              <option value={t}>{t}</option>
            ))}
          </select>
        </label>
        <label>
          Category
          <select value={query.category} onChange={(e) => set('category', (e.target as HTMLSelectElement).value as NoteCategory | '')}>
            <option value="">Any</option>
            {NOTE_CATEGORIES.map((c) => (
              <option value={c}>{CATEGORY_LABEL[c]}</option>
            ))}
          </select>
        </label>
        <label>
          Claim
          <select value={query.claimId} onChange={(e) => set('claimId', (e.target as HTMLSelectElement).value)}>
            <option value="">Any</option>
            {facets.claims.map((c) => (
              <option value={c.id}>{c.label}</option>
            ))}
          </select>
        </label>
        <label>
          Site
          <select value={query.site} onChange={(e) => set('site', (e.target as HTMLSelectElement).value)}>
            <option value="">Any</option>
            {facets.sites.map((s) => (
              <option value={s}>{s}</option>
            ))}
          </select>
        </label>
        <label>
          From
          <input type="date" value={query.from} onInput={(e) => set('from', (e.target as HTMLInputElement).value)} />
        </label>
        <label>
          To
          <input type="date" value={query.to} onInput={(e) => set('to', (e.target as HTMLInputElement).value)} />
        </label>
        <label>
          Sort
          <select value={query.sort} onChange={(e) => set('sort', (e.target as HTMLSelectElement).value as LibraryQuery['sort'])}>
            <option value="newest">Newest first</option>
            <option value="oldest">Oldest first</option>
            <option value="site">By site</option>
            <option value="claim">By claim</option>
          </select>
        </label>
        <label>
          Group
          <select value={groupBy} onChange={(e) => setGroupBy((e.target as HTMLSelectElement).value as 'article' | 'claim')}>
            <option value="article">By article</option>
            <option value="claim">By claim</option>
          </select>
        </label>
      </div>

      <div class="transfer">
        <details>
          <summary>Export</summary>
          {(Object.keys(EXPORT_LABEL) as ExportFormat[]).map((format) => (
            <div class="actions">
              <span>{EXPORT_LABEL[format]}:</span>
              <button type="button" disabled={Boolean(props.busy)} onClick={() => props.onExport(format, 'all')}>
                All notes
              </button>
              <button type="button" disabled={Boolean(props.busy)} onClick={() => props.onExport(format, 'filter')}>
                These {notes?.length ?? 0}
              </button>
            </div>
          ))}
        </details>
        <label class="import">
          Import notes (Nexus Lens JSON or Web Annotation JSON-LD)
          <input
            ref={fileInput}
            type="file"
            accept=".json,.jsonld,application/json,application/ld+json"
            disabled={Boolean(props.busy)}
            onChange={(e) => {
              const file = (e.target as HTMLInputElement).files?.[0];
              if (file) props.onImport(file);
              if (fileInput.current) fileInput.current.value = '';
            }}
          />
        </label>
      </div>

      <div role="status" aria-live="polite" class="status">
        {props.busy ??
          (notes === undefined ? 'Loading your notes…' : `${notes.length} of ${props.total} notes`)}
      </div>
      {props.status && (
        <div class={props.status.kind === 'error' ? 'error' : 'status'} role={props.status.kind === 'error' ? 'alert' : 'status'}>
          {props.status.text}
          {props.status.details && props.status.details.length > 0 && (
            <ul>
              {props.status.details.map((d) => (
                <li>{d}</li>
              ))}
            </ul>
          )}
        </div>
      )}

      {notes !== undefined && props.total === 0 && (
        <p class="empty">
          No notes yet. Select text in an article and choose a category in the Nexus Lens toolbar, or use the page's context
          menu, “Save highlight in Nexus Lens”.
        </p>
      )}
      {groups.map((group) => (
        <section class="note-group" aria-label={group.title || 'Notes without a claim'}>
          <h2>
            {groupBy === 'article' && group.link ? (
              <a href={group.link} target="_blank" rel="noreferrer noopener">
                {group.title}
              </a>
            ) : group.key ? (
              (props.claimStatement(group.key) ?? group.key)
            ) : (
              'Not linked to a claim'
            )}
          </h2>
          {group.notes.map((note) => (
            <NoteItem
              key={note.id}
              note={note}
              showSource={groupBy === 'claim'}
              claimStatement={note.claimId ? props.claimStatement(note.claimId) : undefined}
              onUpdate={props.onUpdate}
              onDelete={props.onDelete}
            />
          ))}
        </section>
      ))}
      {notes && shown < notes.length && (
        <div ref={more}>
          <button type="button" onClick={() => setShown((n) => n + PAGE)}>
            Show more ({notes.length - shown} left)
          </button>
        </div>
      )}
    </section>
  );
}
