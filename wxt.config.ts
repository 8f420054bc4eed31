// WXT build configuration: one Chrome MV3 and one Firefox MV3 build from the same entrypoints.
import { defineConfig } from 'wxt';
import preact from '@preact/preset-vite';
import { claimIndexPlugin } from './lib/claims/vite-plugin';

export default defineConfig({
  // Every import is explicit: a name's origin is always visible in the file that uses it.
  imports: false,
  manifestVersion: 3,
  vite: () => ({ plugins: [preact(), claimIndexPlugin()] }),
  manifest: ({ browser }) => ({
    name: 'Nexus Lens',
    description:
      'Highlights claims about Iran–North Korea cooperation in the news you read, with the sources that corroborate or dispute them. Nothing leaves your machine.',
    // Each permission is justified in README.md ("Permissions").
    permissions: [
      'storage',
      'scripting',
      'activeTab',
      'contextMenus',
      // The notes database must not be evicted under storage pressure: notes are the reader's data.
      'unlimitedStorage',
      ...(browser === 'firefox' ? [] : ['sidePanel']),
    ],
    host_permissions: ['http://*/*', 'https://*/*'],
    action: { default_title: 'Nexus Lens' },
    commands: {
      'annotate-page': {
        suggested_key: { default: 'Alt+Shift+N' },
        description: 'Annotate this page with Nexus Lens',
      },
      'save-highlight': {
        suggested_key: { default: 'Alt+Shift+H' },
        description: 'Save the selected text as a highlight',
      },
    },
    ...(browser === 'firefox'
      ? {
          browser_specific_settings: {
            gecko: {
              id: 'nexus-lens@nexus-lens.invalid',
              // The CSS Custom Highlight API (all painting) and data_collection_permissions both
              // arrived in Firefox 140, which is also the current ESR.
              strict_min_version: '140.0',
              // Firefox's built-in data consent: this extension collects and transmits nothing.
              data_collection_permissions: { required: ['none'] },
            },
            // Firefox for Android reads data_collection_permissions from 142 on.
            gecko_android: { strict_min_version: '142.0' },
          },
        }
      : {}),
  }),
});
