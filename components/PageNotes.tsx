/** The reader's notes on the page in the active tab, in page order; orphans are listed, never hidden. */
import type { Note, NotePatch } from '../lib/notes/types';
import { NoteItem } from './NoteItem';

export interface PageNotesProps {
  /** undefined while loading. */
  notes: Note[] | undefined;
  claimStatement: (id: string) => string | undefined;
  onReveal: (note: Note) => void;
  onUpdate: (note: Note, patch: NotePatch) => Promise<string | undefined>;
  onDelete: (note: Note) => Promise<string | undefined>;
}

export function PageNotes({ notes, claimStatement, onReveal, onUpdate, onDelete }: PageNotesProps) {
  if (notes === undefined) return null;
  const orphans = notes.filter((n) => n.anchor === 'orphan').length;
  return (
    <section class="page-notes" aria-label="Your notes on this page">
      <h2>Your notes on this page ({notes.length})</h2>
      {notes.length === 0 && <p class="status">Select text in the article to save a highlight or a note.</p>}
      {orphans > 0 && (
        <p class="status" role="status">
          {orphans === 1 ? 'One note' : `${orphans} notes`} could not be placed on the page as it reads now; kept below.
        </p>
      )}
      {notes.map((note) => (
        <NoteItem
          key={note.id}
          note={note}
          claimStatement={note.claimId ? claimStatement(note.claimId) : undefined}
          onReveal={onReveal}
          onUpdate={onUpdate}
          onDelete={onDelete}
        />
      ))}
    </section>
  );
}
