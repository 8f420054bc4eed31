/** One saved highlight with its note: shown, edited and deleted in the side panel and the library. */
import { useState } from 'preact/hooks';
import { CATEGORY_LABEL, parseTagInput } from './labels';
import { NoteFields } from './NoteFields';
import type { Note, NoteCategory, NoteClaimStance, NotePatch } from '../lib/notes/types';

export { CATEGORY_LABEL };

export interface NoteItemProps {
  note: Note;
  /** Shown when the note is grouped by claim: where it was made. */
  showSource?: boolean;
  /** The claim's statement, when the note links one. */
  claimStatement?: string;
  onReveal?: (note: Note) => void;
  /** Resolves with an error message to show, or undefined when the change was saved. */
  onUpdate: (note: Note, patch: NotePatch) => Promise<string | undefined>;
  onDelete: (note: Note) => Promise<string | undefined>;
}


/** A note. All text is rendered as text: quotes, notes and tags never become markup. */
export function NoteItem({ note, showSource, claimStatement, onReveal, onUpdate, onDelete }: NoteItemProps) {
  const [editing, setEditing] = useState(false);
  const [category, setCategory] = useState<NoteCategory>(note.category);
  const [text, setText] = useState(note.text);
  const [tags, setTags] = useState(note.tags.join(', '));
  const [stance, setStance] = useState<NoteClaimStance>(note.claimStance ?? 'supports');
  const [error, setError] = useState<string>();
  const [confirming, setConfirming] = useState(false);
  const orphan = note.anchor === 'orphan';

  async function save(event: Event) {
    event.preventDefault();
    const patch: NotePatch = { category, text, tags: parseTagInput(tags) };
    if (note.claimId) patch.claimStance = stance;
    const failure = await onUpdate(note, patch);
    setError(failure);
    if (!failure) setEditing(false);
  }

  return (
    <article class={`note note-${note.category}${orphan ? ' note-orphan' : ''}`} aria-label={`${CATEGORY_LABEL[note.category]} highlight`} data-note-id={note.id}>
      <blockquote>{note.target.quote.exact}</blockquote>
      <p class="note-meta">
        <span class="badge">{CATEGORY_LABEL[note.category]}</span>
        {orphan && (
          <span class="badge badge-orphan" title="The passage was not found on the page's current text. The note is kept.">
            not found on the page
          </span>
        )}
        {note.tags.map((t) => (
          <span class="tag">#{t}</span>
        ))}
        <time dateTime={note.created}>{new Date(note.created).toLocaleDateString()}</time>
      </p>
      {showSource && (
        <p class="note-source">
          <a href={note.pageUrl} target="_blank" rel="noreferrer noopener">
            {note.title || note.url}
          </a>{' '}
          · {note.site}
        </p>
      )}
      {note.claimId && (
        <p class="note-claim">
          {note.claimStance ?? 'about'}: {claimStatement ?? note.claimId}
        </p>
      )}
      {!editing && note.text && <p class="note-text">{note.text}</p>}
      {editing ? (
        <form class="note-form" onSubmit={(e) => void save(e)}>
          <NoteFields
            category={category}
            onCategory={setCategory}
            text={text}
            onText={setText}
            tags={tags}
            onTags={setTags}
            claimId={note.claimId ?? ''}
            claimStance={stance}
            onClaimStance={setStance}
          />
          <div class="actions">
            <button type="submit">Save</button>
            <button type="button" onClick={() => setEditing(false)}>
              Cancel
            </button>
          </div>
        </form>
      ) : (
        <div class="actions">
          {onReveal && !orphan && (
            <button type="button" onClick={() => onReveal(note)}>
              Show in page
            </button>
          )}
          <button type="button" onClick={() => setEditing(true)}>
            Edit
          </button>
          {confirming ? (
            <>
              <button
                type="button"
                class="danger"
                onClick={() => void onDelete(note).then((failure) => setError(failure))}
              >
                Delete for good
              </button>
              <button type="button" onClick={() => setConfirming(false)}>
                Keep
              </button>
            </>
          ) : (
            <button type="button" onClick={() => setConfirming(true)}>
              Delete
            </button>
          )}
        </div>
      )}
      {error && (
        <p class="error" role="alert">
          {error}
        </p>
      )}
    </article>
  );
}
