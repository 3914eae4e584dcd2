import type { Asset } from '../../model/schema/asset';
import type { Project } from '../../model/schema/project';
import type { Clip, Sequence, TransitionKind } from '../../model/schema/sequence';
import type { Rational } from '../../time/rational';
import { alternateTakeAssets, generationMetadata } from '../generationMetadata';
import type { MediaLocator } from '../mediaReference';
import { placedItems, trackLengthFrames, transitionFramesBeforeCut } from '../placedItems';
import { sourceRateOf } from '../sourceRate';
import { element, serialiseXml, type XmlElement } from '../xmlWriter';
import { fcpxTime, isDropFrameRate } from './fcpxTime';

export const fcpxmlVersion = '1.10';

/** Names NLEs map to their own transitions. */
export const fcpxTransitionNames: Record<TransitionKind, string> = {
  dissolve: 'Cross Dissolve',
  dipToBlack: 'Fade To Color',
  dipToWhite: 'Fade To White',
  wipeLeft: 'Wipe Left',
  wipeRight: 'Wipe Right',
  wipeUp: 'Wipe Up',
  wipeDown: 'Wipe Down',
};

const transitionUids: Record<TransitionKind, string> = {
  dissolve: 'FxPlug:4731E73A-8DAC-4113-9A30-AE85B1761265',
  dipToBlack: '.../Transitions.localized/Dissolves.localized/Fade To Color.localized/Fade To Color.motn',
  dipToWhite: '.../Transitions.localized/Dissolves.localized/Fade To Color.localized/Fade To Color.motn',
  wipeLeft: '.../Transitions.localized/Wipes.localized/Wipe.localized/Wipe.motn',
  wipeRight: '.../Transitions.localized/Wipes.localized/Wipe.localized/Wipe.motn',
  wipeUp: '.../Transitions.localized/Wipes.localized/Wipe.localized/Wipe.motn',
  wipeDown: '.../Transitions.localized/Wipes.localized/Wipe.localized/Wipe.motn',
};

interface Resources {
  list: XmlElement[];
  formatId(rate: Rational, width: number, height: number): string;
  assetId(asset: Asset): string;
  effectId(kind: TransitionKind): string;
}

function createResources(locate: MediaLocator, sequenceRate: Rational): Resources {
  const list: XmlElement[] = [];
  const formats = new Map<string, string>();
  const assets = new Map<string, string>();
  const effects = new Map<TransitionKind, string>();
  const nextId = () => `r${list.length + 1}`;
  const resources: Resources = {
    list,
    formatId(rate, width, height) {
      const key = `${rate.num}/${rate.den}@${width}x${height}`;
      const existing = formats.get(key);
      if (existing) return existing;
      const id = nextId();
      formats.set(key, id);
      list.push(
        element('format', {
          id,
          frameDuration: fcpxTime(1, rate),
          width,
          height,
          colorSpace: '1-1-1 (Rec. 709)',
        }),
      );
      return id;
    },
    assetId(asset) {
      const existing = assets.get(asset.id);
      if (existing) return existing;
      const video = asset.media.video;
      const audio = asset.media.audio;
      const format = video ? resources.formatId(video.rate, video.width, video.height) : undefined;
      const id = nextId();
      assets.set(asset.id, id);
      const durationRate = sourceRateOf(asset, sequenceRate);
      const durationTicks = video ? video.frameCount : audio ? audio.sampleCount : 0;
      list.push(
        element(
          'asset',
          {
            id,
            name: asset.name,
            uid: asset.contentHash.slice(0, 32).toUpperCase(),
            start: '0s',
            duration: asset.kind === 'image' ? '0s' : fcpxTime(durationTicks, durationRate),
            hasVideo: asset.kind === 'audio' ? '0' : '1',
            format,
            hasAudio: audio ? '1' : '0',
            videoSources: asset.kind === 'audio' ? undefined : '1',
            audioSources: audio ? '1' : undefined,
            audioChannels: audio ? audio.channels : undefined,
            audioRate: audio ? audio.sampleRate : undefined,
          },
          [element('media-rep', { kind: 'original-media', src: locate(asset) })],
        ),
      );
      return id;
    },
    effectId(kind) {
      const existing = effects.get(kind);
      if (existing) return existing;
      const id = nextId();
      effects.set(kind, id);
      list.push(element('effect', { id, name: fcpxTransitionNames[kind], uid: transitionUids[kind] }));
      return id;
    },
  };
  return resources;
}

/** One element of the primary storyline, with what is needed to anchor items to it. */
interface SpineEntry {
  node: XmlElement;
  /** The element children (connected clips, markers) are added to (the active pick of an audition). */
  host: XmlElement;
  startFrame: number;
  endFrame: number;
  /** The host's local time at its start, in seconds as ticks at `localRate`. */
  localStart: number;
  localRate: Rational;
}

function metadataElement(values: Record<string, unknown>): XmlElement {
  return element(
    'metadata',
    {},
    Object.entries(values)
      .filter(([, value]) => value !== null && value !== undefined)
      .map(([key, value]) =>
        element('md', {
          key: `com.shotloom.${key}`,
          value: typeof value === 'string' ? value : JSON.stringify(value),
        }),
      ),
  );
}

/** Seconds of a clip's local time: its source start plus frames into the clip, as an FCPXML time. */
function clipLocalTime(
  localStart: number,
  localRate: Rational,
  framesIntoClip: number,
  sequenceRate: Rational,
): string {
  const numerator =
    localStart * localRate.den * sequenceRate.num + framesIntoClip * sequenceRate.den * localRate.num;
  return fcpxTime(numerator, { num: localRate.num * sequenceRate.num, den: 1 });
}

function volumeElement(clip: Clip, localRate: Rational, sequenceRate: Rational): XmlElement[] {
  if (clip.gainDb === 0 && clip.volumeKeyframes.length === 0) return [];
  const keyframes = clip.volumeKeyframes.map((key) =>
    element('keyframe', {
      time: clipLocalTime(clip.sourceIn, localRate, key.frame, sequenceRate),
      value: `${key.value}dB`,
    }),
  );
  const param =
    keyframes.length > 0
      ? [element('param', { name: 'amount' }, [element('keyframeAnimation', {}, keyframes)])]
      : [];
  return [element('adjust-volume', { amount: `${clip.gainDb}dB` }, param)];
}

interface ClipContext {
  project: Project;
  sequence: Sequence;
  resources: Resources;
}

/** An asset-clip for a timeline clip (placed by the caller). */
function assetClip(
  context: ClipContext,
  clip: Clip,
  asset: Asset,
  attributes: XmlElement['attributes'],
  withMetadata: boolean,
): { node: XmlElement; localStart: number; localRate: Rational } {
  const localRate = sourceRateOf(asset, context.sequence.rate);
  const node = element('asset-clip', {
    ref: context.resources.assetId(asset),
    ...attributes,
    name: clip.name || asset.name,
    start: fcpxTime(clip.sourceIn, localRate),
    duration: fcpxTime(clip.durationFrames, context.sequence.rate),
    enabled: clip.enabled ? '1' : '0',
    tcFormat: isDropFrameRate(context.sequence.rate) ? 'DF' : 'NDF',
  });
  node.children.push(...volumeElement(clip, localRate, context.sequence.rate));
  if (withMetadata)
    node.children.push(
      metadataElement({ ...generationMetadata(context.project, clip), muted: clip.muted || undefined }),
    );
  return { node, localStart: clip.sourceIn, localRate };
}

/** Inserts children before the trailing metadata element, keeping the DTD's order. */
function appendBeforeMetadata(host: XmlElement, children: XmlElement[]): void {
  const metadataIndex = host.children.findIndex((child) => child.name === 'metadata');
  if (metadataIndex < 0) host.children.push(...children);
  else host.children.splice(metadataIndex, 0, ...children);
}

/** Position of a timeline frame in a spine entry's local time, as an FCPXML time. */
function localTime(entry: SpineEntry, frame: number, sequenceRate: Rational): string {
  return clipLocalTime(entry.localStart, entry.localRate, frame - entry.startFrame, sequenceRate);
}

/** A sequence as FCPXML 1.10: primary storyline from V1, other tracks as connected clips in lanes. */
export function exportFcpxml(project: Project, sequenceId: string, locate: MediaLocator): string {
  const sequence = project.sequences[sequenceId];
  if (!sequence) throw new RangeError(`No sequence ${sequenceId}`);
  const rate = sequence.rate;
  const resources = createResources(locate, rate);
  const sequenceFormat = resources.formatId(rate, sequence.width, sequence.height);
  const context: ClipContext = { project, sequence, resources };
  const spine = element('spine');
  const entries: SpineEntry[] = [];
  const [primary, ...otherVideo] = sequence.videoTracks;

  const pushGap = (startFrame: number, endFrame: number): void => {
    const node = element('gap', {
      name: 'Gap',
      offset: fcpxTime(startFrame, rate),
      start: '0s',
      duration: fcpxTime(endFrame - startFrame, rate),
    });
    spine.children.push(node);
    entries.push({ node, host: node, startFrame, endFrame, localStart: 0, localRate: rate });
  };

  for (const placed of primary ? placedItems(primary) : []) {
    const item = placed.item;
    if (item.type === 'gap') {
      pushGap(placed.startFrame, placed.startFrame + item.durationFrames);
    } else if (item.type === 'transition') {
      const before = transitionFramesBeforeCut(item.durationFrames);
      spine.children.push(
        element(
          'transition',
          {
            name: fcpxTransitionNames[item.kind],
            offset: fcpxTime(placed.cutFrame - before, rate),
            duration: fcpxTime(item.durationFrames, rate),
          },
          [
            element('filter-video', {
              ref: resources.effectId(item.kind),
              name: fcpxTransitionNames[item.kind],
            }),
          ],
        ),
      );
    } else {
      const asset = project.assets[item.assetId];
      if (!asset) {
        pushGap(placed.startFrame, placed.startFrame + item.durationFrames);
        continue;
      }
      const offset = fcpxTime(placed.startFrame, rate);
      const main = assetClip(context, item, asset, { offset }, true);
      const alternates = alternateTakeAssets(project, item).flatMap(({ assetId }) => {
        const alternate = project.assets[assetId];
        return alternate
          ? [
              assetClip(context, { ...item, assetId, name: alternate.name }, alternate, { offset }, false)
                .node,
            ]
          : [];
      });
      const node = alternates.length > 0 ? element('audition', {}, [main.node, ...alternates]) : main.node;
      spine.children.push(node);
      entries.push({
        node,
        host: main.node,
        startFrame: placed.startFrame,
        endFrame: placed.startFrame + item.durationFrames,
        localStart: main.localStart,
        localRate: main.localRate,
      });
    }
  }

  // The primary storyline must span every connected clip and marker, or NLEs cut them off.
  const spineEnd = () => (entries.length > 0 ? entries[entries.length - 1]!.endFrame : 0);
  const sequenceEnd = Math.max(
    ...[...sequence.videoTracks, ...sequence.audioTracks].map((track) => trackLengthFrames(track)),
    ...sequence.markers.map((marker) => marker.frame + Math.max(1, marker.durationFrames)),
    0,
  );
  if (sequenceEnd > spineEnd()) pushGap(spineEnd(), sequenceEnd);
  const entryAt = (frame: number): SpineEntry =>
    entries.find((entry) => entry.startFrame <= frame && frame < entry.endFrame) ??
    entries[entries.length - 1]!;

  const connect = (lane: number, tracks: Sequence['videoTracks']): void => {
    tracks.forEach((track, index) => {
      const laneNumber = lane * (index + 1);
      for (const placed of placedItems(track)) {
        if (placed.item.type !== 'clip') continue;
        const asset = project.assets[placed.item.assetId];
        if (!asset) continue;
        const parent = entryAt(placed.startFrame);
        const connected = assetClip(
          context,
          placed.item,
          asset,
          { lane: laneNumber, offset: localTime(parent, placed.startFrame, rate) },
          true,
        );
        if (track.kind === 'audio')
          connected.node.attributes.audioRole =
            track.role === 'music' ? 'music' : track.role === 'effects' ? 'effects' : 'dialogue';
        appendBeforeMetadata(parent.host, [connected.node]);
      }
    });
  };
  connect(1, otherVideo);
  connect(-1, sequence.audioTracks);

  for (const marker of sequence.markers) {
    const parent = entryAt(marker.frame);
    const node = element('marker', {
      start: localTime(parent, marker.frame, rate),
      duration: marker.durationFrames > 0 ? fcpxTime(marker.durationFrames, rate) : undefined,
      value: marker.name || 'Marker',
    });
    const markerIndex = parent.host.children.findIndex((child) => child.name === 'metadata');
    if (markerIndex < 0) parent.host.children.push(node);
    else parent.host.children.splice(markerIndex, 0, node);
  }

  const durationFrames = entries.length > 0 ? entries[entries.length - 1]!.endFrame : 0;
  const document = element('fcpxml', { version: fcpxmlVersion }, [
    element('resources', {}, resources.list),
    element('library', {}, [
      element('event', { name: project.name }, [
        element('project', { name: sequence.name }, [
          element(
            'sequence',
            {
              format: sequenceFormat,
              duration: fcpxTime(durationFrames, rate),
              tcStart: '0s',
              tcFormat: isDropFrameRate(rate) ? 'DF' : 'NDF',
              audioLayout: 'stereo',
              audioRate: sequence.sampleRate === 44100 ? '44.1k' : '48k',
            },
            [spine, metadataElement({ sequenceId: sequence.id, projectId: project.id })],
          ),
        ]),
      ]),
    ]),
  ]);
  return `<?xml version="1.0" encoding="UTF-8"?>\n<!DOCTYPE fcpxml>\n${serialiseXml(document)}\n`;
}
