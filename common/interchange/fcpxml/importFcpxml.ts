import { DOMParser, type Element as XmlNode } from '@xmldom/xmldom';
import { AppError } from '../../contract/appError';
import type { TransitionKind } from '../../model/schema/sequence';
import type { Rational } from '../../time/rational';
import type {
  ImportedClip,
  ImportedItem,
  ImportedMarker,
  ImportedTimeline,
  ImportedTrack,
} from '../importedTimeline';
import { pathFromUrl } from '../mediaReference';
import { placementsToItems, type Placement } from '../placementsToItems';
import { itemsLength } from '../sliceItems';
import { parseFcpxTime, rateFromFrameDuration, secondsToTicks } from './fcpxTime';

const clipElements = new Set([
  'asset-clip',
  'clip',
  'video',
  'audio',
  'ref-clip',
  'mc-clip',
  'sync-clip',
  'title',
  'audition',
]);

function invalid(message: string): never {
  throw new AppError('INTERCHANGE_INVALID', `This FCPXML file cannot be read: ${message}`);
}

function childElements(node: XmlNode): XmlNode[] {
  const result: XmlNode[] = [];
  for (let child = node.firstChild; child; child = child.nextSibling) {
    if (child.nodeType === 1) result.push(child as XmlNode);
  }
  return result;
}

function seconds(node: XmlNode, attribute: string, fallback: Rational = { num: 0, den: 1 }): Rational {
  const value = node.getAttribute(attribute);
  if (value === null || value === '') return fallback;
  const parsed = parseFcpxTime(value);
  if (!parsed) invalid(`${node.tagName} ${attribute}="${value}" is not an FCPXML time`);
  return parsed;
}

function subtract(a: Rational, b: Rational): Rational {
  return { num: a.num * b.den - b.num * a.den, den: a.den * b.den };
}

function add(a: Rational, b: Rational): Rational {
  return { num: a.num * b.den + b.num * a.den, den: a.den * b.den };
}

function decibels(text: string | null): number | null {
  const match = /^\s*(-?[\d.]+)\s*dB\s*$/i.exec(text ?? '');
  return match ? Number(match[1]) : null;
}

/** A spine item's place: where it starts on the timeline and what its local time is there. */
interface Anchor {
  startFrame: number;
  localStart: Rational;
}

class FcpxmlReader {
  readonly notCarried: string[] = [];
  readonly markers: ImportedMarker[] = [];
  readonly lanes = new Map<number, Placement[]>();
  private readonly resources = new Map<string, XmlNode>();

  constructor(
    root: XmlNode,
    readonly rate: Rational,
    private readonly tcStart: Rational,
  ) {
    for (const resources of childElements(root).filter((node) => node.tagName === 'resources')) {
      for (const resource of childElements(resources)) {
        const id = resource.getAttribute('id');
        if (id) this.resources.set(id, resource);
      }
    }
  }

  frames(value: Rational, where: string): number {
    const { ticks, exact } = secondsToTicks(value, this.rate);
    if (!exact)
      this.notCarried.push(`${where}: a time of ${value.num}/${value.den}s is not on a frame (rounded)`);
    return ticks;
  }

  /** The media element a clip-like element plays: an asset-clip itself, or the first video/audio inside a clip. */
  private mediaOf(node: XmlNode): { ref: XmlNode; start: Rational } | null {
    if (node.tagName === 'asset-clip' || node.tagName === 'video' || node.tagName === 'audio') {
      const ref = this.resources.get(node.getAttribute('ref') ?? '');
      return ref && ref.tagName === 'asset' ? { ref, start: seconds(node, 'start') } : null;
    }
    if (node.tagName === 'clip') {
      const inner = childElements(node).find(
        (child) =>
          (child.tagName === 'video' || child.tagName === 'audio' || child.tagName === 'asset-clip') &&
          !child.hasAttribute('lane'),
      );
      if (!inner) return null;
      const media = this.mediaOf(inner);
      // A clip's own start maps onto its inner element's time through the inner offset.
      return media
        ? {
            ref: media.ref,
            start: add(media.start, subtract(seconds(node, 'start'), seconds(inner, 'offset'))),
          }
        : null;
    }
    return null;
  }

  clip(node: XmlNode, where: string): ImportedClip | null {
    const media = this.mediaOf(node);
    const durationFrames = this.frames(seconds(node, 'duration'), where);
    if (!media) {
      this.notCarried.push(
        `${where}: ${node.tagName} "${node.getAttribute('name') ?? ''}" (compound, multicam, title or unresolved clip) left as a gap`,
      );
      return null;
    }
    const asset = media.ref;
    const assetStart = seconds(asset, 'start');
    const sourceSeconds = subtract(media.start, assetStart);
    const format = this.resources.get(asset.getAttribute('format') ?? '');
    const videoRate =
      asset.getAttribute('hasVideo') === '1' && format
        ? rateFromFrameDuration(format.getAttribute('frameDuration'))
        : null;
    const sourceRate: Rational =
      videoRate ??
      (asset.getAttribute('audioRate')
        ? { num: Number(asset.getAttribute('audioRate')), den: 1 }
        : this.rate);
    const { ticks: sourceStart, exact } = secondsToTicks(sourceSeconds, sourceRate);
    if (!exact) this.notCarried.push(`${where}: source start not on a frame of its media (rounded)`);
    const mediaRep = childElements(asset).find((child) => child.tagName === 'media-rep');
    const volume = childElements(node).find((child) => child.tagName === 'adjust-volume');
    const keyframes = volume ? [...volume.getElementsByTagName('keyframe')] : [];
    const metadata: Record<string, unknown> = {};
    for (const md of [...node.getElementsByTagName('md')]) {
      const key = md.getAttribute('key') ?? '';
      if (!key.startsWith('com.shotloom.') || md.parentNode?.parentNode !== node) continue;
      const value = md.getAttribute('value') ?? '';
      try {
        metadata[key.slice('com.shotloom.'.length)] = JSON.parse(value);
      } catch {
        metadata[key.slice('com.shotloom.'.length)] = value;
      }
    }
    return {
      type: 'clip',
      name: node.getAttribute('name') ?? '',
      mediaPath: mediaRep ? pathFromUrl(mediaRep.getAttribute('src') ?? '') : null,
      sourceStart,
      sourceRate,
      durationFrames,
      gainDb: decibels(volume?.getAttribute('amount') ?? null) ?? 0,
      volumeKeyframes: keyframes.flatMap((key) => {
        const value = decibels(key.getAttribute('value'));
        if (value === null) return [];
        return [
          {
            frame: this.frames(subtract(seconds(key, 'time'), media.start), `${where} volume keyframe`),
            value,
          },
        ];
      }),
      markers: [],
      metadata,
    };
  }

  /** Connected clips and markers of a spine item, placed on the timeline. */
  anchored(node: XmlNode, anchor: Anchor, where: string): void {
    for (const child of childElements(node)) {
      const lane = child.getAttribute('lane');
      if (child.tagName === 'marker' || child.tagName === 'chapter-marker') {
        this.markers.push({
          frame:
            anchor.startFrame +
            this.frames(subtract(seconds(child, 'start'), anchor.localStart), `${where} marker`),
          durationFrames: child.hasAttribute('duration')
            ? this.frames(seconds(child, 'duration'), `${where} marker`)
            : 0,
          name: child.getAttribute('value') ?? '',
          color: child.tagName === 'chapter-marker' ? 'orange' : 'blue',
        });
      } else if (lane !== null && clipElements.has(child.tagName)) {
        const laneNumber = Number(lane);
        const startFrame =
          anchor.startFrame +
          this.frames(subtract(seconds(child, 'offset'), anchor.localStart), `${where} lane ${lane}`);
        const active = child.tagName === 'audition' ? childElements(child)[0] : child;
        const clip = active ? this.clip(active, `${where} lane ${lane}`) : null;
        if (clip) this.lanes.set(laneNumber, [...(this.lanes.get(laneNumber) ?? []), { startFrame, clip }]);
      } else if (child.tagName === 'spine' && lane !== null) {
        this.notCarried.push(`${where}: a secondary storyline in lane ${lane} (not imported)`);
      }
    }
  }

  transitionKind(node: XmlNode): TransitionKind {
    const name = (node.getAttribute('name') ?? '').toLowerCase();
    if (name.includes('white')) return 'dipToWhite';
    if (name.includes('fade to') || name.includes('dip')) return 'dipToBlack';
    if (name.includes('wipe'))
      return name.includes('right')
        ? 'wipeRight'
        : name.includes('up')
          ? 'wipeUp'
          : name.includes('down')
            ? 'wipeDown'
            : 'wipeLeft';
    if (!name.includes('dissolve'))
      this.notCarried.push(`transition "${node.getAttribute('name') ?? ''}" imported as a dissolve`);
    return 'dissolve';
  }

  spine(spine: XmlNode): ImportedItem[] {
    const items: ImportedItem[] = [];
    childElements(spine).forEach((node, index) => {
      const where = `spine item ${index + 1}`;
      const cursor = itemsLength(items);
      if (node.tagName === 'transition') {
        const durationFrames = this.frames(seconds(node, 'duration'), where);
        const offset = node.hasAttribute('offset')
          ? this.frames(subtract(seconds(node, 'offset'), this.tcStart), where)
          : cursor - Math.floor(durationFrames / 2);
        if (cursor - offset !== Math.floor(durationFrames / 2))
          this.notCarried.push(`${where}: transition re-centred on its cut`);
        items.push({ type: 'transition', kind: this.transitionKind(node), durationFrames });
        return;
      }
      if (node.tagName !== 'gap' && !clipElements.has(node.tagName)) {
        this.notCarried.push(`${where}: <${node.tagName}> is not supported`);
        return;
      }
      const startFrame = node.hasAttribute('offset')
        ? this.frames(subtract(seconds(node, 'offset'), this.tcStart), where)
        : cursor;
      if (startFrame > cursor) items.push({ type: 'gap', durationFrames: startFrame - cursor });
      const active = node.tagName === 'audition' ? childElements(node)[0] : node;
      if (!active) return;
      if (node.tagName === 'audition' && childElements(node).length > 1) {
        this.notCarried.push(
          `${where}: ${childElements(node).length - 1} audition alternate(s) (only the active pick is on the timeline)`,
        );
      }
      const durationFrames = this.frames(seconds(active, 'duration'), where);
      const clip = active.tagName === 'gap' ? null : this.clip(active, where);
      items.push(clip ?? { type: 'gap', durationFrames });
      this.anchored(active, { startFrame, localStart: seconds(active, 'start') }, where);
    });
    return items;
  }
}

function laneItems(reader: FcpxmlReader, lane: number): ImportedItem[] {
  const { items, overlapsDropped } = placementsToItems(reader.lanes.get(lane) ?? []);
  if (overlapsDropped > 0)
    reader.notCarried.push(`lane ${lane}: ${overlapsDropped} overlapping connected clip(s) dropped`);
  return items;
}

/** Reads an FCPXML document (1.8 – 1.11) into an ImportedTimeline: the first project's sequence. */
export function importFcpxml(text: string): ImportedTimeline {
  let document;
  try {
    document = new DOMParser({
      onError: (level, message) => {
        if (level !== 'warning') throw new Error(message);
      },
    }).parseFromString(text, 'text/xml');
  } catch (error) {
    invalid(`it is not well-formed XML (${(error as Error).message.split('\n')[0]})`);
  }
  const root = document.documentElement;
  if (!root || root.tagName !== 'fcpxml') invalid('the root element is not <fcpxml>');
  const sequence = root.getElementsByTagName('sequence')[0];
  if (!sequence) invalid('it holds no <sequence>');
  const project = sequence.parentNode as XmlNode | null;
  const spine = childElements(sequence).find((node) => node.tagName === 'spine');
  if (!spine) invalid('the sequence has no <spine>');
  const formats = [...root.getElementsByTagName('format')];
  const format = formats.find((node) => node.getAttribute('id') === sequence.getAttribute('format'));
  const rate = rateFromFrameDuration(format?.getAttribute('frameDuration'));
  if (!rate) invalid('the sequence format has no frameDuration');
  const reader = new FcpxmlReader(root, rate, seconds(sequence, 'tcStart'));
  const primary = reader.spine(spine);

  const videoTracks: ImportedTrack[] = [{ name: 'V1', items: primary }];
  const audioTracks: ImportedTrack[] = [];
  const laneNumbers = [...reader.lanes.keys()];
  const highest = Math.max(0, ...laneNumbers);
  const lowest = Math.min(0, ...laneNumbers);
  // Every lane up to the outermost one becomes a track, empty or not, so track numbers survive.
  for (let lane = 1; lane <= highest; lane += 1)
    videoTracks.push({ name: `V${lane + 1}`, items: laneItems(reader, lane) });
  for (let lane = -1; lane >= lowest; lane -= 1)
    audioTracks.push({ name: `A${-lane}`, items: laneItems(reader, lane) });
  return {
    name: project?.getAttribute('name') || 'Imported FCPXML',
    rate,
    videoTracks,
    audioTracks,
    markers: reader.markers,
    notCarried: reader.notCarried,
  };
}
