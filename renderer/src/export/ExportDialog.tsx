/**
 * File → Export code: the network, its data preparation and its training as a TypeScript program
 * (with its package.json), a Keras program or a PyTorch program, shown highlighted beside the
 * canvas, copied with one click and saved as files. Without data (an imported model), a program
 * that builds the network, loads its trained weights from weights.bin and answers one input.
 */
import hljs from 'highlight.js/lib/core';
import json from 'highlight.js/lib/languages/json';
import python from 'highlight.js/lib/languages/python';
import typescript from 'highlight.js/lib/languages/typescript';
import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Dialog } from '../ui/Dialog';
import { exportKeras } from '../../../shared/codegen/keras';
import { storedWeightsFile, type ExportRefusal } from '../../../shared/codegen/plan';
import { formatBytes } from '../../../shared/training/budget';
import { exportPytorch } from '../../../shared/codegen/pytorch';
import { exportTypeScript } from '../../../shared/codegen/typescript';
import { useLocalize } from '../hooks/useLocalize';
import { useProblemText } from '../hooks/useProblemText';
import { trainedForSave } from '../project/convert';
import { downloadFile } from '../project/download';
import { useAppStore } from '../store';
import { lessonInput } from '../store/lesson-slice';
import { selectGraph } from '../store/selectors';

hljs.registerLanguage('typescript', typescript);
hljs.registerLanguage('python', python);
hljs.registerLanguage('json', json);

type Target = 'typescript' | 'keras' | 'pytorch';
interface ExportFile {
  name: string;
  language: 'typescript' | 'python' | 'json';
  code: string;
}

/** The program's files, and the trained weights a program without data loads (weights.bin). */
interface Exported {
  files: ExportFile[];
  weights: Uint8Array | null;
}

/** The languages a network is exported to, in the order of their tabs. */
const exportTargets = ['typescript', 'keras', 'pytorch'] as const;

export function ExportDialog({ onClose }: { onClose: () => void }) {
  const { t } = useTranslation();
  const localize = useLocalize();
  const { message } = useProblemText();
  const [target, setTarget] = useState<Target>('typescript');
  const [distributed, setDistributed] = useState(false);
  const [result, setResult] = useState<Exported | ExportRefusal | null>(null);
  const [copied, setCopied] = useState<string | null>(null);
  const graph = useAppStore(selectGraph);
  const data = useAppStore((state) => state.data);
  const training = useAppStore((state) => state.training);
  const name = useAppStore((state) => state.projectName);
  const query = useAppStore(lessonInput);

  useEffect(() => {
    const options = { distributed, ...(query ? { query } : {}) };
    let current = true;
    const run = async (): Promise<Exported | ExportRefusal> => {
      // Without data, the program loads the network's trained weights instead of training it.
      const trained = data === null ? await trainedForSave(useAppStore.getState()) : null;
      const source = { name, graph, data, training, trained };
      if (target === 'typescript') {
        const exported = await exportTypeScript(source, options);
        return exported.ok
          ? {
              files: [
                { name: 'model.ts', language: 'typescript' as const, code: exported.files['model.ts'] },
                { name: 'package.json', language: 'json' as const, code: exported.files['package.json'] },
              ],
              weights: exported.weights ?? null,
            }
          : exported;
      }
      const exported = target === 'keras' ? exportKeras(source, options) : exportPytorch(source, options);
      return exported.ok
        ? {
            files: [
              {
                name: target === 'keras' ? 'model.py' : 'model_torch.py',
                language: 'python' as const,
                code: exported.code,
              },
            ],
            weights: exported.weights ?? null,
          }
        : exported;
    };
    void run().then((next) => current && setResult(next));
    return () => {
      current = false;
    };
  }, [target, distributed, name, graph, data, training, query]);

  const highlighted = useMemo(
    () =>
      (result && 'files' in result ? result.files : []).map((file) => ({
        ...file,
        html: hljs.highlight(file.code, { language: file.language }).value,
      })),
    [result],
  );

  const copy = async (file: ExportFile) => {
    try {
      await navigator.clipboard.writeText(file.code);
    } catch {
      // Where the clipboard API is refused (the desktop app denies it), copy the selected text.
      const area = document.createElement('textarea');
      area.value = file.code;
      document.body.append(area);
      area.select();
      document.execCommand('copy');
      area.remove();
    }
    setCopied(file.name);
  };

  return (
    <Dialog onClose={onClose} labelledBy="export-title" className="export-dialog">
      <header className="gallery-header">
        <h2 id="export-title">{t('export.title')}</h2>
        <button type="button" className="button-quiet" onClick={onClose}>
          {t('summary.close')}
        </button>
      </header>
      <div className="export-controls">
        <div className="right-tabs" role="tablist">
          {exportTargets.map((option) => (
            <button
              key={option}
              type="button"
              role="tab"
              aria-selected={target === option}
              className="dock-tab"
              onClick={() => setTarget(option)}
            >
              {t(`export.${option}`)}
            </button>
          ))}
        </div>
        {target !== 'typescript' && data !== null && (
          <label>
            <input type="checkbox" checked={distributed} onChange={(event) => setDistributed(event.target.checked)} />{' '}
            {target === 'keras' ? t('export.mirrored') : t('export.ddp')}
          </label>
        )}
      </div>
      <p className="muted">{data === null ? t('export.modelOnly') : t(`export.how.${target}`)}</p>
      {result && 'problems' in result && (
        <div className="run-warning" role="alert">
          <p>{t('export.refused')}</p>
          <ul>
            {result.dataProblem && <li>{localize(result.dataProblem.problem)}</li>}
            {result.settingsProblem && <li>{localize(result.settingsProblem)}</li>}
            {result.weightsProblem && <li>{localize(result.weightsProblem)}</li>}
            {result.problems.map((problem, index) => (
              <li key={index}>{message(problem)}</li>
            ))}
          </ul>
        </div>
      )}
      {result && 'weights' in result && result.weights && (
        <section className="export-file" aria-label={storedWeightsFile}>
          <header>
            <code>{storedWeightsFile}</code>
            <span className="muted">
              {t('export.weights', {
                count: result.weights.byteLength / 4,
                values: (result.weights.byteLength / 4).toLocaleString(),
                size: formatBytes(result.weights.byteLength),
              })}
            </span>
            <span className="status-spacer" />
            <button
              type="button"
              className="button-quiet"
              onClick={() => result.weights && downloadFile(storedWeightsFile, result.weights)}
            >
              {t('export.save')}
            </button>
          </header>
        </section>
      )}
      {highlighted.map((file) => (
        <section key={file.name} className="export-file" aria-label={file.name}>
          <header>
            <code>{file.name}</code>
            <span className="status-spacer" />
            <button type="button" className="button-quiet" onClick={() => void copy(file)}>
              {copied === file.name ? t('export.copied') : t('export.copy')}
            </button>
            <button
              type="button"
              className="button-quiet"
              onClick={() => downloadFile(file.name, file.code, 'text/plain;charset=utf-8')}
            >
              {t('export.save')}
            </button>
          </header>
          {/* Focusable, so the code can be scrolled from the keyboard. */}
          <pre className="hljs" data-testid={`export-${file.name}`} tabIndex={0}>
            <code dangerouslySetInnerHTML={{ __html: file.html }} />
          </pre>
        </section>
      ))}
    </Dialog>
  );
}
