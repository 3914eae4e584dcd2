import { useEffect, useRef } from 'react';
import type { Project, Shot } from '../../../../common/model';
import { Button } from '../../components/Button';
import { useMenuCommand } from '../../components/useMenuCommand';
import { useShortcuts } from '../../shortcuts';
import { useProjectState, useUiState } from '../../state';
import { TakesSection } from '../takes/TakesSection';
import { GenerateSection } from './GenerateSection';
import { KeyframesSection } from './KeyframesSection';
import { ModelSection } from './ModelSection';
import { PromptSection, promptHistory } from './PromptSection';
import { ReferencesSection } from './ReferencesSection';
import { useCreateShot } from './useCreateShot';
import { useShotEditor, useShotText } from './useShotEditor';
import './shot.css';

function ShotHeader({
  shot,
  index,
  editor,
}: {
  shot: Shot;
  index: number;
  editor: ReturnType<typeof useShotEditor>;
}) {
  const name = useShotText(editor, 'name');
  return (
    <div className="shot-header">
      <span className="shot-number" aria-hidden="true">
        {index + 1}
      </span>
      <input
        className="shot-name-input"
        aria-label="Shot name"
        value={name.value}
        onChange={(event) => name.onChange(event.target.value)}
        onBlur={name.onBlur}
        data-testid="shot-name"
      />
      <span className="shot-header-meta">{shot.takeIds.length} takes</span>
    </div>
  );
}

function ShotForm({ shot, document }: { shot: Shot; document: Project }) {
  const editor = useShotEditor(shot);
  const history = promptHistory(
    shot,
    shot.takeIds.map((id) => document.takes[id]).filter((take) => take !== undefined),
  );
  const rootRef = useRef<HTMLDivElement>(null);
  // A newly shown shot starts at its top (prompt first), wherever the previous one was scrolled.
  useEffect(() => {
    rootRef.current?.closest('.panel-body')?.scrollTo({ top: 0 });
  }, []);
  return (
    <div className="shot-inspector" data-testid="shot-inspector" data-shot-id={shot.id} ref={rootRef}>
      <ShotHeader shot={shot} index={document.shotOrder.indexOf(shot.id)} editor={editor} />
      {editor.error && (
        <div className="inspector-error" role="alert">
          {editor.error}
        </div>
      )}
      <PromptSection editor={editor} history={history} />
      <KeyframesSection editor={editor} document={document} />
      <ModelSection editor={editor} />
      <ReferencesSection editor={editor} document={document} />
      <GenerateSection shot={shot} document={document} />
      <TakesSection shot={shot} document={document} />
    </div>
  );
}

/** The inspector for the selected shot, or a way to make one. */
export function ShotInspector() {
  const { snapshot } = useProjectState();
  const [selectedShotId] = useUiState((state) => state.selectedShotId);
  const createShot = useCreateShot();
  const document = snapshot?.document ?? null;

  useMenuCommand('shot.new', () => void createShot({}, selectedShotId));
  useShortcuts([
    {
      id: 'shot.new',
      keys: ['Mod+Shift+N'],
      description: 'New shot',
      group: 'Shots',
      enabled: () => document !== null,
      run: () => void createShot({}, selectedShotId),
    },
  ]);

  if (!document) return <p className="empty-state">No project open.</p>;
  const shot = selectedShotId ? document.shots[selectedShotId] : undefined;
  if (!shot) {
    return (
      <div className="inspector-empty">
        <p>Select a shot in the bin, or design a new one: prompt, keyframes and model.</p>
        <Button
          variant="primary"
          icon="plus"
          shortcut="Ctrl+Shift+N"
          onClick={() => void createShot()}
          data-testid="new-shot"
        >
          New shot
        </Button>
      </div>
    );
  }
  return <ShotForm key={shot.id} shot={shot} document={document} />;
}
