import { useState } from 'react';
import { findModel } from '../../../../common/catalog';
import type { EditCommandInput } from '../../../../common/contract';
import type { Project, Shot, Take } from '../../../../common/model';
import { useApi } from '../../api/ApiContext';
import { Button } from '../../components/Button';
import { useProjectState } from '../../state';
import { useJobProgress } from '../jobs/useJobs';
import { useCreateShot } from '../shot/useCreateShot';
import { useGeneration } from '../shot/useGeneration';
import { CompareTakesDialog } from './CompareTakesDialog';
import { TakePlayerDialog } from './TakePlayerDialog';
import { TakeRow } from './TakeRow';
import { takeNumber } from './takeStatus';
import './takes.css';

/**
 * The takes of a shot: status, progress, cost and parameters; play one, compare two, choose the
 * one the timeline uses, regenerate, or continue from a take's last frame into a new shot.
 */
export function TakesSection({ shot, document }: { shot: Shot; document: Project }) {
  const api = useApi();
  const { edit } = useProjectState();
  const progress = useJobProgress();
  const createShot = useCreateShot();
  const generation = useGeneration();
  const [playing, setPlaying] = useState<Take | null>(null);
  const [compareIds, setCompareIds] = useState<string[]>([]);
  const [comparing, setComparing] = useState(false);
  const [busy, setBusy] = useState(false);
  const [message, setMessage] = useState<string | null>(null);
  const takes = shot.takeIds.map((id) => document.takes[id]).filter((take) => take !== undefined);
  const label = (take: Take) => `Take ${takeNumber(take, shot.takeIds)}`;

  const chooseTake = async (take: Take) => {
    const result = await edit({ type: 'selectTake', shotId: shot.id, takeId: take.id });
    setMessage(result.ok ? null : result.error.message);
  };

  const toggleCompare = (take: Take) =>
    setCompareIds((current) =>
      current.includes(take.id) ? current.filter((id) => id !== take.id) : [...current, take.id].slice(-2),
    );

  /** Loads a take's parameters back into the shot for editing (one undo step). */
  const editParameters = async (take: Take) => {
    const { recipe } = take;
    const result = await edit({
      type: 'updateShot',
      shotId: shot.id,
      fields: {
        prompt: recipe.prompt,
        negativePrompt: recipe.negativePrompt,
        cameraDirection: recipe.cameraDirection,
        keyframes: recipe.keyframes,
        referenceIds: recipe.referenceIds,
        sourceVideoAssetId: recipe.sourceVideoAssetId,
        durationSeconds: recipe.durationSeconds,
        ratio: recipe.ratio,
        seed: recipe.seed,
        audio: recipe.audio,
        model: { provider: take.provider, model: take.model },
      },
    });
    setMessage(result.ok ? `Parameters of ${label(take)} loaded into the shot.` : result.error.message);
  };

  /**
   * "Continue from the last frame": the take's exact last frame (made when it arrived, or grabbed
   * now) becomes the first keyframe of a new shot placed after this one, and this shot's last
   * keyframe when its model takes one: one still shared by reference across the cut.
   */
  const continueFrom = async (take: Take) => {
    setBusy(true);
    setMessage(null);
    let stillId = take.lastFrameAssetId;
    if (!stillId && take.outputAssetId) {
      const grabbed = await api.invoke('media:grabFrame', { assetId: take.outputAssetId, frame: 'last' });
      if (!grabbed.ok) {
        setBusy(false);
        setMessage(grabbed.error.message);
        return;
      }
      stillId = grabbed.value.id;
    }
    if (!stillId) {
      setBusy(false);
      return;
    }
    const model = findModel(shot.model.provider, shot.model.model);
    const linkBoundary: EditCommandInput[] =
      shot.keyframes.last === null && model?.modes.includes('firstLastFrame')
        ? [
            {
              type: 'updateShot',
              shotId: shot.id,
              fields: { keyframes: { ...shot.keyframes, last: stillId } },
            },
          ]
        : [];
    const created = await createShot(
      {
        name: `${shot.name} – next`,
        model: shot.model,
        ratio: shot.ratio,
        durationSeconds: shot.durationSeconds,
        cameraDirection: shot.cameraDirection,
        negativePrompt: shot.negativePrompt,
        referenceIds: shot.referenceIds,
        keyframes: { first: stillId, middle: null, last: null },
      },
      shot.id,
      { before: linkBoundary, label: 'Continue from last frame' },
    );
    setBusy(false);
    if (!created) setMessage('The new shot could not be created.');
  };

  const regenerate = async (take: Take) => {
    setBusy(true);
    const error = await generation.regenerate(shot, take);
    setBusy(false);
    setMessage(error);
  };

  // Left to right in take order, whatever order they were ticked in.
  const compareTakes = shot.takeIds
    .filter((id) => compareIds.includes(id))
    .map((id) => document.takes[id])
    .filter((take) => take !== undefined);
  const [left, right] = compareTakes;

  return (
    <section className="inspector-section" aria-label="Takes">
      <div className="section-heading-row">
        <h3 className="section-heading">Takes</h3>
        <Button
          icon="compare"
          disabled={compareTakes.length !== 2}
          onClick={() => setComparing(true)}
          title="Tick two takes to compare them"
          data-testid="takes-compare"
        >
          Compare{compareTakes.length > 0 ? ` (${compareTakes.length}/2)` : ''}
        </Button>
      </div>
      {message && (
        <div className="section-note" role="status">
          {message}
        </div>
      )}
      {takes.length === 0 ? (
        <p className="section-note">No takes yet. Generate one above.</p>
      ) : (
        <ol className="take-list" data-testid="take-list">
          {[...takes].reverse().map((take) => (
            <TakeRow
              key={take.id}
              take={take}
              number={takeNumber(take, shot.takeIds)}
              inUse={shot.selectedTakeId === take.id}
              comparing={compareIds.includes(take.id)}
              progress={progress.get(take.id)}
              busy={busy}
              actions={{
                onPlay: setPlaying,
                onUse: (chosen) => void chooseTake(chosen),
                onToggleCompare: toggleCompare,
                onRegenerate: (chosen) => void regenerate(chosen),
                onEditParameters: (chosen) => void editParameters(chosen),
                onContinue: (chosen) => void continueFrom(chosen),
              }}
            />
          ))}
        </ol>
      )}
      {playing && (
        <TakePlayerDialog
          take={playing}
          title={`${shot.name} · ${label(playing)}`}
          onClose={() => setPlaying(null)}
        />
      )}
      {comparing && left && right && (
        <CompareTakesDialog
          document={document}
          left={left}
          right={right}
          leftLabel={label(left)}
          rightLabel={label(right)}
          selectedTakeId={shot.selectedTakeId}
          onChoose={(take) => void chooseTake(take)}
          onClose={() => setComparing(false)}
        />
      )}
    </section>
  );
}
