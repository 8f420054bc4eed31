// Side panel wiring: follows the active tab, asks the background for its state, renders the cards.
import { render } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import database from 'virtual:nexus-lens/claim-database';
import { PageNotes } from '../../components/PageNotes';
import { TabStateView } from '../../components/TabStateView';
import { normaliseUrl } from '../../lib/anchor/url';
import { createClient, type PanelEvent, type PanelToBackground, type TabState } from '../../lib/messaging/protocol';
import { openNotesDb } from '../../lib/notes/db';
import { deleteNote, notesForUrl, updateNote, watch } from '../../lib/notes/repository';
import type { Note, NotePatch } from '../../lib/notes/types';

const client = createClient<PanelToBackground>((message) => browser.runtime.sendMessage(message));
const db = openNotesDb();
const statements = new Map(database.claims.map((c) => [c.id, c.statement]));
const messageOf = (err: unknown) => (err instanceof Error ? err.message : String(err));

/** The reader's notes on the tab's page, live from the database. */
function usePageNotes(url: string | undefined): Note[] | undefined {
  const [notes, setNotes] = useState<Note[] | undefined>(undefined);
  useEffect(() => {
    setNotes(undefined);
    if (!url || !/^https?:/.test(url)) return undefined;
    return watch(() => notesForUrl(db, normaliseUrl(url)), setNotes);
  }, [url]);
  return notes;
}

/** Runs a change to a note, then tells the page so it repaints; resolves with an error to show. */
async function change(note: Note, run: () => Promise<unknown>): Promise<string | undefined> {
  try {
    await run();
    await client.call('notesChanged', { urls: [note.url] }).catch(() => undefined);
    return undefined;
  } catch (err) {
    return messageOf(err);
  }
}
/** A fixed tab to follow (`?tabId=N`), for the library's "open in panel" and for tests. */
const pinnedTab = Number(new URLSearchParams(location.search).get('tabId')) || undefined;

async function activeTabId(): Promise<number | undefined> {
  if (pinnedTab !== undefined) return pinnedTab;
  const [tab] = await browser.tabs.query({ active: true, currentWindow: true });
  return tab?.id;
}

function App() {
  const [tabId, setTabId] = useState<number | undefined>(undefined);
  const [state, setState] = useState<TabState | null>(null);
  const [selected, setSelected] = useState<string | null>(null);
  const notes = usePageNotes(state && 'url' in state ? state.url : undefined);

  useEffect(() => {
    const refresh = () => void activeTabId().then(setTabId);
    refresh();
    if (pinnedTab !== undefined) return undefined;
    browser.tabs.onActivated.addListener(refresh);
    return () => browser.tabs.onActivated.removeListener(refresh);
  }, []);

  useEffect(() => {
    if (tabId === undefined) return undefined;
    setState(null);
    void client.call('getTabState', { tabId }).then(setState);
    const onMessage = (message: unknown, sender: { tab?: unknown; id?: string }) => {
      // Only the background speaks to panels; a content script could forge these events.
      if (sender.tab !== undefined || sender.id !== browser.runtime.id) return;
      const event = message as PanelEvent;
      if (event.type === 'tabStateChanged' && event.payload.tabId === tabId) setState(event.payload.state);
      if (event.type === 'cardRequested' && event.payload.tabId === tabId) {
        setSelected(event.payload.claimId);
        document.getElementById(`card-${event.payload.claimId}`)?.scrollIntoView({ block: 'start' });
      }
    };
    browser.runtime.onMessage.addListener(onMessage);
    return () => browser.runtime.onMessage.removeListener(onMessage);
  }, [tabId]);

  return (
    <main class="panel" data-tab-id={tabId ?? ''} data-status={state?.status ?? 'loading'}>
      <header>
        <h1>Nexus Lens</h1>
        <a href={browser.runtime.getURL('/library.html')} target="_blank" rel="noreferrer">
          Library
        </a>
      </header>
      <TabStateView
        state={state}
        database={database}
        selectedClaim={selected}
        onAnnotate={() => tabId !== undefined && void client.call('annotateTab', { tabId })}
        onReveal={(m) => {
          setSelected(m.claimId);
          if (tabId !== undefined) void client.call('revealSentence', { tabId, start: m.start, end: m.end });
        }}
      />
      <PageNotes
        notes={notes}
        claimStatement={(id) => statements.get(id)}
        onReveal={(note) => tabId !== undefined && void client.call('revealNote', { tabId, id: note.id })}
        onUpdate={(note: Note, patch: NotePatch) => change(note, () => updateNote(db, note.id, patch))}
        onDelete={(note: Note) => change(note, () => deleteNote(db, note.id))}
      />
    </main>
  );
}

render(<App />, document.getElementById('app') as HTMLElement);
