import type { Asset } from '../../model/schema/asset';
import type { Project } from '../../model/schema/project';
import type { Clip, Transition } from '../../model/schema/sequence';
import { rescale } from '../../time/rescale';
import { equalRationals } from '../../time/rational';
import { isDropFrameRate } from '../fcpxml/fcpxTime';
import type { MediaLocator } from '../mediaReference';
import { placedItems, transitionFramesBeforeCut } from '../placedItems';
import { sourceRateOf } from '../sourceRate';
import { framesToTimecode, timecodeToFrames } from '../../time/timecode';
import { reelNames } from './reelNames';

/** Where a clip plays on the record side once transitions have taken their share of it. */
interface EdlSegment {
  clip: Clip;
  asset: Asset;
  recordIn: number;
  recordOut: number;
  sourceIn: number;
  /** The transition that brings this clip in, if any. */
  incoming: Transition | null;
}

export const edlRecordStart = '01:00:00:00';

function line(
  event: number,
  reel: string,
  channels: string,
  type: string,
  durationFrames: number | null,
  times: string[],
): string {
  const duration = durationFrames === null ? '   ' : String(durationFrames).padStart(3, '0');
  return `${String(event).padStart(3, '0')}  ${reel.padEnd(8)} ${channels.padEnd(5)} ${type.padEnd(4)} ${duration} ${times.join(' ')}`;
}

/** CMX 3600 EDL of the sequence's main video track, with the clips' own sound as audio channels. */
export function exportEdl(
  project: Project,
  sequenceId: string,
  locate: MediaLocator,
): { text: string; notCarried: string[] } {
  const sequence = project.sequences[sequenceId];
  if (!sequence) throw new RangeError(`No sequence ${sequenceId}`);
  const notCarried: string[] = [];
  const dropFrame = isDropFrameRate(sequence.rate);
  const recordOffset = timecodeToFrames(edlRecordStart, sequence.rate, { dropFrame }) ?? 0;
  const tc = (frame: number) => framesToTimecode(frame, sequence.rate, { dropFrame });
  const [main, ...otherVideo] = sequence.videoTracks;
  if (otherVideo.some((track) => track.items.some((item) => item.type === 'clip')))
    notCarried.push(`${otherVideo.length} upper video track(s): a CMX 3600 EDL holds one video track`);
  for (const track of sequence.audioTracks) {
    if (track.items.some((item) => item.type === 'clip'))
      notCarried.push(`audio track ${track.name}: the EDL carries only the video clips' own sound`);
  }

  const placed = main ? placedItems(main) : [];
  const segments: EdlSegment[] = [];
  placed.forEach((entry, index) => {
    if (entry.item.type !== 'clip') return;
    const clip = entry.item;
    const asset = project.assets[clip.assetId];
    if (!asset) {
      notCarried.push(`clip ${clip.name || clip.id}: its media is not in the project`);
      return;
    }
    const previous = placed[index - 1]?.item;
    const next = placed[index + 1]?.item;
    const incoming = previous?.type === 'transition' ? previous : null;
    const before = incoming ? transitionFramesBeforeCut(incoming.durationFrames) : 0;
    const outgoingBefore = next?.type === 'transition' ? transitionFramesBeforeCut(next.durationFrames) : 0;
    const sourceRate = sourceRateOf(asset, sequence.rate);
    if (!equalRationals(sourceRate, sequence.rate) && asset.kind === 'video')
      notCarried.push(
        `clip ${clip.name || asset.name}: source timecode converted from ${sourceRate.num}/${sourceRate.den} fps`,
      );
    const sourceInFrames =
      asset.kind === 'image' ? 0 : rescale(clip.sourceIn, sourceRate, sequence.rate, 'round');
    segments.push({
      clip,
      asset,
      recordIn: entry.startFrame - before,
      recordOut: entry.startFrame + clip.durationFrames - outgoingBefore,
      sourceIn: sourceInFrames - before,
      incoming,
    });
  });

  const reels = reelNames(segments.map((segment) => segment.asset));
  const lines: string[] = [
    `TITLE: ${sequence.name.slice(0, 70)}`,
    `FCM: ${dropFrame ? 'DROP FRAME' : 'NON-DROP FRAME'}`,
    '',
  ];
  segments.forEach((segment, index) => {
    const event = index + 1;
    const reel = reels.get(segment.asset.id)!;
    const channels = segment.asset.media.audio && !segment.clip.muted ? 'AA/V' : 'V';
    const times = (sourceIn: number, length: number, recordIn: number) => [
      tc(sourceIn),
      tc(sourceIn + length),
      tc(recordOffset + recordIn),
      tc(recordOffset + recordIn + length),
    ];
    const length = segment.recordOut - segment.recordIn;
    const previous = segments[index - 1];
    if (segment.incoming && previous) {
      const fromReel = reels.get(previous.asset.id)!;
      const fromSource = previous.sourceIn + (previous.recordOut - previous.recordIn);
      lines.push(line(event, fromReel, channels, 'C', null, times(fromSource, 0, segment.recordIn)));
      const kind = segment.incoming.kind;
      const type = kind.startsWith('wipe') ? 'W001' : 'D';
      if (kind.startsWith('dip'))
        notCarried.push(`a ${kind === 'dipToBlack' ? 'dip to black' : 'dip to white'} written as a dissolve`);
      if (kind.startsWith('wipe') && kind !== 'wipeLeft')
        notCarried.push(`the direction of a ${kind} (written as wipe W001)`);
      lines.push(
        line(
          event,
          reel,
          channels,
          type,
          segment.incoming.durationFrames,
          times(segment.sourceIn, length, segment.recordIn),
        ),
      );
      lines.push(`* FROM CLIP NAME: ${previous.clip.name || previous.asset.name}`);
      lines.push(`* TO CLIP NAME: ${segment.clip.name || segment.asset.name}`);
    } else {
      lines.push(line(event, reel, channels, 'C', null, times(segment.sourceIn, length, segment.recordIn)));
      lines.push(`* FROM CLIP NAME: ${segment.clip.name || segment.asset.name}`);
    }
    lines.push(`* SOURCE FILE: ${locate(segment.asset)}`);
    lines.push('');
  });
  return { text: `${lines.join('\n')}\n`, notCarried };
}
