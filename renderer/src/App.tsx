/** The window: palette, canvas and inspector side by side, the status bar below. */
import { chooseDataFile, openDataFromFile } from './data/open-data';
import { OpeningBar } from './data/OpeningBar';
import { chooseImageFolder, filesOfEntry, openDataFromFolder } from './data/open-folder';
import { ReactFlowProvider } from '@xyflow/react';
import i18next from 'i18next';
import { useCallback, useEffect, useState } from 'react';
import type { Language } from '../../shared/vocabulary/localized';
import { Canvas } from './canvas/Canvas';
import { StatusBar } from './chrome/StatusBar';
import { TopBar } from './chrome/TopBar';
import { useHost } from './host/HostContext';
import { RightPanel } from './inspector/RightPanel';
import { ExportDialog } from './export/ExportDialog';
import { Gallery } from './lessons/Gallery';
import { newProject, openProject, save, startAutosave } from './project/file-actions';
import { exportModel, importModel } from './project/model-files';
import { NoticeBar, RecentDialog, RestorePrompt, useProjectTitle } from './project/ProjectDialogs';
import { Palette } from './palette/Palette';
import { CommandPalette } from './commands/CommandPalette';
import { registerCommand, runCommand } from './commands/registry';
import { ShortcutsDialog } from './commands/ShortcutsDialog';
import { useShortcuts } from './commands/useShortcuts';
import { BottomDock } from './dock/BottomDock';
import { SummaryDialog } from './problems/SummaryDialog';
import { ConnectDialog } from './canvas/ConnectDialog';
import { useAppStore } from './store';

/** A data file or folder dropped anywhere on the window is opened as data (a layer dragged from the palette is not a file). */
function useDroppedData(): void {
  useEffect(() => {
    const carriesFiles = (event: DragEvent) => event.dataTransfer?.types.includes('Files') === true;
    const over = (event: DragEvent) => {
      if (carriesFiles(event)) event.preventDefault();
    };
    const drop = (event: DragEvent) => {
      const file = event.dataTransfer?.files[0];
      if (!carriesFiles(event) || !file) return;
      event.preventDefault();
      // A folder dropped is a folder of images, a subfolder per class.
      const entry = event.dataTransfer?.items[0]?.webkitGetAsEntry();
      if (entry?.isDirectory) void filesOfEntry(entry).then(openDataFromFolder);
      else void openDataFromFile(file);
    };
    window.addEventListener('dragover', over);
    window.addEventListener('drop', drop);
    return () => {
      window.removeEventListener('dragover', over);
      window.removeEventListener('drop', drop);
    };
  }, []);
}

function Workbench() {
  const host = useHost();
  const setLanguage = useAppStore((state) => state.setLanguage);
  const dockTab = useAppStore((state) => state.dockTab);
  const setDockTab = useAppStore((state) => state.setDockTab);
  const [summaryOpen, setSummaryOpen] = useState(false);
  const [paletteOpen, setPaletteOpen] = useState(false);
  const [shortcutsOpen, setShortcutsOpen] = useState(false);
  const [recentOpen, setRecentOpen] = useState(false);
  const [exportOpen, setExportOpen] = useState(false);
  const [connectOpen, setConnectOpen] = useState(false);
  useProjectTitle();
  useEffect(() => startAutosave(host), [host]);
  // The desktop app's native menu runs the same commands.
  useEffect(() => host.onMenuCommand(runCommand), [host]);
  useShortcuts();
  useDroppedData();
  useEffect(() => {
    const unregister = [
      registerCommand('view.commandPalette', () => setPaletteOpen(true)),
      registerCommand('help.shortcuts', () => setShortcutsOpen(true)),
      registerCommand('view.summary', () => setSummaryOpen(true)),
      registerCommand('view.fit', () => useAppStore.getState().frameNetwork()),
      registerCommand('file.new', () => newProject()),
      registerCommand('file.open', () => openProject(host)),
      registerCommand('file.openRecent', () => setRecentOpen(true)),
      registerCommand('file.save', () => save(host)),
      registerCommand('file.saveAs', () => save(host, true)),
      registerCommand('file.exportCode', () => setExportOpen(true)),
      registerCommand('edit.connect', () => setConnectOpen(true)),
      registerCommand('file.exportModel', () => exportModel()),
      registerCommand('file.importModel', () => importModel()),
      registerCommand('file.openData', () => chooseDataFile()),
      registerCommand('file.openImages', () => chooseImageFolder()),
    ];
    return () => unregister.forEach((undo) => undo());
  }, [host]);
  const galleryOpen = useAppStore((state) => state.galleryOpen);
  const openGallery = useAppStore((state) => state.openGallery);
  const closeSummary = useCallback(() => setSummaryOpen(false), []);

  const changeLanguage = useCallback(
    (language: Language) => {
      setLanguage(language);
      document.documentElement.lang = language;
      void i18next.changeLanguage(language);
      void host.loadSettings().then((settings) => host.saveSettings({ ...settings, language }));
    },
    [host, setLanguage],
  );

  return (
    <>
      <div className="app">
        <TopBar onOpenSummary={() => setSummaryOpen(true)} onOpenGallery={openGallery} />
        <div className="workspace">
          <Palette />
          <div className="centre">
            <Canvas />
            <BottomDock />
          </div>
          <RightPanel />
        </div>
        <StatusBar
          onLanguageChange={changeLanguage}
          problemsOpen={dockTab === 'problems'}
          onToggleProblems={() => setDockTab(dockTab === 'problems' ? null : 'problems')}
        />
        {summaryOpen && <SummaryDialog onClose={closeSummary} />}
        {galleryOpen && <Gallery />}
      </div>
      {paletteOpen && <CommandPalette onClose={() => setPaletteOpen(false)} />}
      {shortcutsOpen && <ShortcutsDialog onClose={() => setShortcutsOpen(false)} />}
      {recentOpen && <RecentDialog onClose={() => setRecentOpen(false)} />}
      {exportOpen && <ExportDialog onClose={() => setExportOpen(false)} />}
      {connectOpen && <ConnectDialog onClose={() => setConnectOpen(false)} />}
      <RestorePrompt />
      <NoticeBar />
      <OpeningBar />
    </>
  );
}

export function App() {
  return (
    <ReactFlowProvider>
      <Workbench />
    </ReactFlowProvider>
  );
}
