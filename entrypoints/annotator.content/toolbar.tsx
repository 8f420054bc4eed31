// The save toolbar: a small Preact UI in a closed shadow root, shown by a selection or a note click.
// Note text typed here stays inside the closed root: the page's scripts cannot read it from the DOM.
import { render } from 'preact';
import { useEffect, useRef, useState } from 'preact/hooks';
import { CATEGORY_LABEL, parseTagInput } from '../../components/labels';
import { NoteFields } from '../../components/NoteFields';
import { NOTE_CATEGORIES, type Note, type NoteCategory, type NoteClaimStance } from '../../lib/notes/types';

/** What the reader entered; the annotator turns it into a saved note. */
export interface ToolbarDraft {
  category: NoteCategory;
  text: string;
  tags: string[];
  claimId?: string;
  claimStance?: NoteClaimStance;
}

/** What the toolbar shows: a new selection, or an existing note to edit. */
export type ToolbarMode =
  | { kind: 'new'; quote: string; rect: DOMRect; expanded: boolean }
  | { kind: 'edit'; note: Note; rect: DOMRect };

export interface ToolbarHandlers {
  /** Claims matched on this page, offered as links (id and a short label). */
  claims: () => { id: string; label: string }[];
  save(draft: ToolbarDraft): Promise<string | undefined>;
  update(id: string, draft: ToolbarDraft): Promise<string | undefined>;
  remove(id: string): Promise<string | undefined>;
  close(): void;
}

const CSS = `
:host { all: initial; }
.bar { position: fixed; z-index: 2147483647; font: 13px/1.4 system-ui, sans-serif; color: #1d2330;
  background: #fff; border: 1px solid #c9ced8; border-radius: 8px; box-shadow: 0 4px 16px rgba(0,0,0,.18);
  padding: 6px; max-width: 340px; }
@media (prefers-color-scheme: dark) { .bar { background: #1f2430; color: #e8ebf1; border-color: #3a4150; } }
.row { display: flex; flex-wrap: wrap; gap: 4px; align-items: center; }
button { font: inherit; cursor: pointer; border: 1px solid #9aa3b5; border-radius: 5px; padding: 3px 8px;
  background: transparent; color: inherit; }
button:focus-visible, textarea:focus-visible, input:focus-visible, select:focus-visible { outline: 2px solid #2f6fde; outline-offset: 1px; }
button.primary { background: #2f6fde; border-color: #2f6fde; color: #fff; }
form { display: grid; gap: 6px; margin-top: 6px; }
label { display: grid; gap: 2px; font-size: 12px; }
textarea, input, select { font: inherit; color: inherit; background: transparent; border: 1px solid #9aa3b5; border-radius: 5px; padding: 4px; }
textarea { min-height: 70px; resize: vertical; }
.quote { font-style: italic; opacity: .8; max-height: 3.6em; overflow: hidden; }
.error { color: #c62828; }
`;


function Toolbar({ mode, handlers }: { mode: ToolbarMode; handlers: ToolbarHandlers }) {
  const editing = mode.kind === 'edit' ? mode.note : undefined;
  const [expanded, setExpanded] = useState(mode.kind === 'edit' || mode.expanded);
  const [category, setCategory] = useState<NoteCategory>(editing?.category ?? 'key-fact');
  const [text, setText] = useState(editing?.text ?? '');
  const [tags, setTags] = useState(editing?.tags.join(', ') ?? '');
  const [claimId, setClaimId] = useState(editing?.claimId ?? '');
  const [claimStance, setClaimStance] = useState<NoteClaimStance>(editing?.claimStance ?? 'supports');
  const [error, setError] = useState<string>();
  const [busy, setBusy] = useState(false);
  const first = useRef<HTMLButtonElement>(null);
  const noteField = useRef<HTMLTextAreaElement>(null);

  useEffect(() => {
    if (expanded) noteField.current?.focus();
    else first.current?.focus();
  }, [expanded]);

  const draft = (over?: Partial<ToolbarDraft>): ToolbarDraft => ({
    category,
    text,
    tags: parseTagInput(tags),
    ...(claimId ? { claimId, claimStance } : {}),
    ...over,
  });

  async function run(action: () => Promise<string | undefined>) {
    setBusy(true);
    const failure = await action();
    setBusy(false);
    if (failure) setError(failure);
    else handlers.close();
  }

  // Keep the bar inside the viewport, under the selection (above it near the bottom).
  const top = mode.rect.bottom + 8 + 220 > innerHeight ? Math.max(8, mode.rect.top - 228) : mode.rect.bottom + 8;
  const left = Math.min(Math.max(8, mode.rect.left), Math.max(8, innerWidth - 350));
  const claims = handlers.claims();

  return (
    <div
      class="bar"
      role="dialog"
      aria-label={editing ? 'Edit your highlight' : 'Save a highlight'}
      style={{ top: `${top}px`, left: `${left}px` }}
      onKeyDown={(e) => {
        if (e.key === 'Escape') handlers.close();
      }}
    >
      {!expanded && mode.kind === 'new' && (
        <div class="row">
          {NOTE_CATEGORIES.map((c, i) => (
            <button
              type="button"
              ref={i === 0 ? first : undefined}
              disabled={busy}
              onClick={() => void run(() => handlers.save(draft({ category: c })))}
              title={`Save as ${CATEGORY_LABEL[c].toLowerCase()}`}
            >
              {CATEGORY_LABEL[c]}
            </button>
          ))}
          <button type="button" onClick={() => setExpanded(true)}>
            Note…
          </button>
        </div>
      )}
      {expanded && (
        <form
          onSubmit={(e) => {
            e.preventDefault();
            void run(() => (editing ? handlers.update(editing.id, draft()) : handlers.save(draft())));
          }}
        >
          <div class="quote">“{editing ? editing.target.quote.exact : mode.kind === 'new' ? mode.quote : ''}”</div>
          <NoteFields
            category={category}
            onCategory={setCategory}
            text={text}
            onText={setText}
            textRef={noteField}
            tags={tags}
            onTags={setTags}
            claimId={claimId}
            claimChoices={claims}
            onClaimId={setClaimId}
            claimStance={claimStance}
            onClaimStance={setClaimStance}
          />
          {error && (
            <div class="error" role="alert">
              {error}
            </div>
          )}
          <div class="row">
            <button type="submit" class="primary" disabled={busy}>
              {editing ? 'Save changes' : 'Save'}
            </button>
            {editing && (
              <button type="button" disabled={busy} onClick={() => void run(() => handlers.remove(editing.id))}>
                Delete
              </button>
            )}
            <button type="button" onClick={() => handlers.close()}>
              Cancel
            </button>
          </div>
        </form>
      )}
      {!expanded && error && (
        <div class="error" role="alert">
          {error}
        </div>
      )}
    </div>
  );
}

/** Mounts the toolbar host lazily; nothing is added to the page until the reader asks to save. */
export function createToolbar(handlers: Omit<ToolbarHandlers, 'close'>) {
  let host: HTMLElement | undefined;
  let root: ShadowRoot | undefined;

  function close() {
    if (root) render(null, root);
    host?.remove();
    host = undefined;
    root = undefined;
  }

  function open(mode: ToolbarMode) {
    if (!host) {
      host = document.createElement('nexus-lens-toolbar');
      // Fixed and zero-sized: the host itself never takes room in the page's layout.
      host.style.cssText = 'position:fixed;top:0;left:0;width:0;height:0;z-index:2147483647;';
      root = host.attachShadow({ mode: 'closed' });
      const sheet = new CSSStyleSheet();
      sheet.replaceSync(CSS);
      root.adoptedStyleSheets = [sheet];
      document.documentElement.append(host);
    }
    render(<Toolbar key={mode.kind === 'edit' ? mode.note.id : `new-${Date.now()}`} mode={mode} handlers={{ ...handlers, close }} />, root as ShadowRoot);
  }

  return {
    open,
    close,
    /** True when an event happened inside the toolbar (its host is the retargeted event target). */
    contains: (target: EventTarget | null) => Boolean(host && target === host),
    get isOpen() {
      return Boolean(host);
    },
  };
}
