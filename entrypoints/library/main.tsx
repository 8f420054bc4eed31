// Library page wiring: the claim database today; saved highlights and notes join it with the notes store.
import { render } from 'preact';
import database from 'virtual:nexus-lens/claim-database';
import { ClaimBrowser } from '../../components/ClaimBrowser';

function Library() {
  return (
    <main class="library">
      <header>
        <h1>Nexus Lens library</h1>
      </header>
      <ClaimBrowser database={database} />
    </main>
  );
}

render(<Library />, document.getElementById('app') as HTMLElement);
