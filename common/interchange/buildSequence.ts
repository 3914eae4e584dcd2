import { newId } from '../model/ids';
import { newClip } from '../model/newClip';
import { newTrack } from '../model/newTrack';
import type { Asset } from '../model/schema/asset';
import type { Project } from '../model/schema/project';
import type { Clip, Sequence, Track, TrackItem } from '../model/schema/sequence';
import { equalRationals } from '../time/rational';
import { rescale } from '../time/rescale';
import type { ImportedClip, ImportedItem, ImportedTimeline, ImportedTrack } from './importedTimeline';
import { sourceLengthOf, sourceRateOf } from './sourceRate';

/** Finds the project asset an imported clip's media names (by path, then by name in a folder). */
export type AssetResolver = (clip: ImportedClip) => Asset | null;

export interface BuiltSequence {
  sequence: Sequence;
  notCarried: string[];
}

function makeClip(
  imported: ImportedClip,
  asset: Asset,
  sequence: Pick<Sequence, 'rate'>,
  project: Project,
  notCarried: string[],
  where: string,
): Clip {
  const targetRate = sourceRateOf(asset, sequence.rate);
  const sourceIn =
    asset.kind === 'image' ? 0 : rescale(imported.sourceStart, imported.sourceRate, targetRate, 'round');
  if (!equalRationals(targetRate, imported.sourceRate) && asset.kind !== 'image') {
    const back = rescale(sourceIn, targetRate, imported.sourceRate, 'round');
    if (back !== imported.sourceStart)
      notCarried.push(`${where}: source start rounded to the nearest frame of ${asset.name}`);
  }
  const length = sourceLengthOf(asset);
  const needed = rescale(imported.durationFrames, sequence.rate, targetRate, 'ceil');
  if (length !== null && sourceIn + needed > length)
    notCarried.push(
      `${where}: the clip runs past the end of ${asset.name} (${sourceIn + needed} > ${length})`,
    );
  const shotId =
    typeof imported.metadata.shotId === 'string' && project.shots[imported.metadata.shotId]
      ? imported.metadata.shotId
      : null;
  return newClip({
    id: newId('clp'),
    assetId: asset.id,
    shotId,
    name: imported.name,
    sourceIn,
    durationFrames: imported.durationFrames,
    gainDb: Math.max(-96, Math.min(24, imported.gainDb)),
    volumeKeyframes: imported.volumeKeyframes.filter((key) => key.frame < imported.durationFrames),
  });
}

function buildTrack(
  kind: 'video' | 'audio',
  imported: ImportedTrack,
  index: number,
  context: {
    project: Project;
    sequence: Pick<Sequence, 'rate'>;
    resolve: AssetResolver;
    notCarried: string[];
  },
): Track {
  const items: TrackItem[] = [];
  const pushGap = (durationFrames: number): void => {
    const previous = items[items.length - 1];
    if (previous?.type === 'gap') previous.durationFrames += durationFrames;
    else items.push({ type: 'gap', id: newId('gap'), durationFrames });
  };
  imported.items.forEach((item: ImportedItem, position) => {
    const where = `${imported.name} item ${position + 1}`;
    if (item.type === 'gap') return pushGap(item.durationFrames);
    if (item.type === 'transition') {
      items.push({
        type: 'transition',
        id: newId('trn'),
        kind: item.kind,
        durationFrames: item.durationFrames,
      });
      return;
    }
    const asset = context.resolve(item);
    if (!asset) {
      context.notCarried.push(`${where}: media not found (${item.mediaPath ?? item.name}); left as a gap`);
      return pushGap(item.durationFrames);
    }
    items.push(makeClip(item, asset, context.sequence, context.project, context.notCarried, where));
  });
  // A transition needs a clip on each side.
  const cleaned = items.filter((item, position) => {
    if (item.type !== 'transition') return true;
    const ok = items[position - 1]?.type === 'clip' && items[position + 1]?.type === 'clip';
    if (!ok)
      context.notCarried.push(`${imported.name}: a transition without a clip on each side was dropped`);
    return ok;
  });
  while (cleaned.length > 0 && cleaned[cleaned.length - 1]!.type === 'gap') cleaned.pop();
  return newTrack({
    kind,
    name: imported.name || `${kind === 'video' ? 'V' : 'A'}${index + 1}`,
    role: kind === 'video' ? 'picture' : index === 0 ? 'dialogue' : 'music',
    items: cleaned,
  });
}

/** Turns an imported timeline into a sequence of the project, linking media through `resolve`. */
export function buildSequence(
  project: Project,
  imported: ImportedTimeline,
  resolve: AssetResolver,
  size?: { width: number; height: number },
): BuiltSequence {
  const notCarried = [...imported.notCarried];
  const sequenceRate = { rate: imported.rate };
  const context = { project, sequence: sequenceRate, resolve, notCarried };
  const sequence: Sequence = {
    id: newId('seq'),
    name: imported.name,
    rate: imported.rate,
    width: size?.width ?? project.settings.defaultWidth,
    height: size?.height ?? project.settings.defaultHeight,
    sampleRate: project.settings.defaultSampleRate,
    videoTracks: imported.videoTracks.map((track, index) => buildTrack('video', track, index, context)),
    audioTracks: imported.audioTracks.map((track, index) => buildTrack('audio', track, index, context)),
    markers: imported.markers
      .map((marker) => ({ ...marker, id: newId('mrk') }))
      .sort((a, b) => a.frame - b.frame),
    inFrame: null,
    outFrame: null,
    ducking: { enabled: false, amountDb: -12 },
  };
  if (sequence.videoTracks.length === 0)
    sequence.videoTracks.push(buildTrack('video', { name: 'V1', items: [] }, 0, context));
  return { sequence, notCarried };
}
