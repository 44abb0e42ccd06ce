// The workspace side of the connection, set up once the client is
// initialized: the configuration and file-watcher registrations, workspace
// folders coming and going, the crawl of each folder with progress where the
// client shows it, watched-file events, and configuration changes. Everything
// it learns goes to the language service.

import {
  Connection,
  DidChangeConfigurationNotification,
  DidChangeWatchedFilesNotification,
  FileChangeType,
  InitializeParams,
  WatchKind,
} from 'vscode-languageserver';
import type { DiagnosticsPush } from './features/diagnostics';
import { t } from './i18n/words';
import type { LanguageService } from './service/languageService';
import { readSettings } from './settings';
import { CANDIDATE_GLOBS } from './workspace/fileSystem';

/** What the server knows of its client, set at `initialize`. */
export interface Session {
  service: LanguageService;
  pullConfiguration: boolean;
  capabilities: InitializeParams['capabilities'];
  folders: string[];
}

export function syncWorkspace(connection: Connection, session: Session, diagnosticsPush: DiagnosticsPush, log: (message: string) => void): void {
  if (session.pullConfiguration) connection.client.register(DidChangeConfigurationNotification.type, { section: 'kamervraag' }).catch(() => undefined);
  if (session.service.hasFileSystem && session.capabilities.workspace?.didChangeWatchedFiles?.dynamicRegistration === true) {
    // The candidate files, and deletions of anything: a deleted folder comes as one event for the folder.
    const watchers = [...CANDIDATE_GLOBS.map((globPattern) => ({ globPattern })), { globPattern: '**/*', kind: WatchKind.Delete }];
    connection.client.register(DidChangeWatchedFilesNotification.type, { watchers }).catch(() => undefined);
  }
  if (session.capabilities.workspace?.workspaceFolders === true) {
    connection.workspace.onDidChangeWorkspaceFolders((e) => {
      for (const f of e.removed) session.service.removeFolder(f.uri);
      session.folders = [...session.folders.filter((u) => !e.removed.some((r) => r.uri === u)), ...e.added.map((f) => f.uri)];
      void indexFolders(e.added.map((f) => f.uri));
    });
  }
  void indexFolders(session.folders);

  /** Indexes workspace folders with the workspace's settings, with progress where the client shows it. */
  async function indexFolders(list: readonly string[]): Promise<void> {
    let progress: Awaited<ReturnType<typeof connection.window.createWorkDoneProgress>> | null = null;
    try {
      if (session.pullConfiguration && list.length > 0) session.service.setGlobalSettings(readSettings(await connection.workspace.getConfiguration({ scopeUri: list[0], section: 'kamervraag' }).catch(() => undefined)));
      if (session.capabilities.window?.workDoneProgress === true && session.service.hasFileSystem && list.length > 0) {
        progress = await connection.window.createWorkDoneProgress().catch(() => null);
        progress?.begin(t(session.service.locale, 'Kamervragen indexeren', 'Indexing Kamervragen'), 0, undefined, false);
      }
      let last = 0;
      await session.service.addFolders(list, (done, total) => {
        if (!progress || (Date.now() - last < 200 && done < total)) return;
        last = Date.now();
        progress.report(total > 0 ? Math.floor((done / total) * 100) : 100, t(session.service.locale, `${done} van ${total} bestanden`, `${done} of ${total} files`));
      }, () => progress?.done());
    } catch (e) {
      log(`Indexing failed: ${e instanceof Error ? e.stack ?? e.message : String(e)}`);
    }
  }

  connection.onDidChangeWatchedFiles((p) => {
    for (const c of Array.isArray(p?.changes) ? p.changes : []) if (c && typeof c.uri === 'string') void session.service.fileEvent(c.uri, c.type === FileChangeType.Deleted);
  });

  connection.onDidChangeConfiguration((change) => {
    session.service.clearSettings();
    void (async () => {
      const raw = !session.pullConfiguration ? (change?.settings as { kamervraag?: unknown } | null)?.kamervraag
        : session.folders.length > 0 ? await connection.workspace.getConfiguration({ scopeUri: session.folders[0], section: 'kamervraag' }).catch(() => undefined) : undefined;
      // New terms change where the sets stand.
      if (raw !== undefined && session.service.setGlobalSettings(readSettings(raw))) session.service.indexChanged();
      diagnosticsPush.all();
      // The kinds of inlay hint are settings: the client asks again for what it shows.
      if (session.capabilities.workspace?.inlayHint?.refreshSupport === true) connection.sendRequest('workspace/inlayHint/refresh').catch(() => undefined);
    })();
  });
}
