import { AppError } from '../../contract/appError';
import type { Marker, TransitionKind } from '../../model/schema/sequence';
import { rescale } from '../../time/rescale';
import type { Rational } from '../../time/rational';
import type {
  ImportedClip,
  ImportedItem,
  ImportedMarker,
  ImportedTimeline,
  ImportedTrack,
} from '../importedTimeline';
import { pathFromUrl } from '../mediaReference';
import { rateFromFloat } from '../rateFromFloat';
import { flattenTopmost, itemsLength, sliceItems } from '../sliceItems';
import { otioNamespace } from './otioTypes';

type Json = Record<string, unknown>;
type Kind = 'Video' | 'Audio';

const colorNames: Record<string, Marker['color']> = {
  RED: 'red',
  PINK: 'red',
  MAGENTA: 'purple',
  ORANGE: 'orange',
  YELLOW: 'yellow',
  GREEN: 'green',
  CYAN: 'blue',
  BLUE: 'blue',
  PURPLE: 'purple',
  WHITE: 'blue',
  BLACK: 'blue',
};
const transitionKinds = new Set<TransitionKind>([
  'dissolve',
  'dipToBlack',
  'dipToWhite',
  'wipeLeft',
  'wipeRight',
  'wipeUp',
  'wipeDown',
]);

function invalid(message: string): never {
  throw new AppError('INTERCHANGE_INVALID', `This OTIO file cannot be read: ${message}`);
}

function isObject(value: unknown): value is Json {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function schemaOf(value: unknown): string {
  return isObject(value) && typeof value.OTIO_SCHEMA === 'string' ? value.OTIO_SCHEMA.split('.')[0]! : '';
}

interface Time {
  value: number;
  rate: number;
}

function readTime(value: unknown, where: string): Time {
  if (
    !isObject(value) ||
    typeof value.value !== 'number' ||
    typeof value.rate !== 'number' ||
    value.rate <= 0
  ) {
    invalid(`${where} is not a RationalTime`);
  }
  return { value: value.value, rate: value.rate };
}

function readRange(value: unknown, where: string): { start: Time; duration: Time } | null {
  if (value === null || value === undefined) return null;
  if (!isObject(value)) invalid(`${where} is not a TimeRange`);
  return {
    start: readTime(value.start_time, `${where}.start_time`),
    duration: readTime(value.duration, `${where}.duration`),
  };
}

/** Reads one OTIO file into an ImportedTimeline, noting everything it could not carry over. */
export function importOtio(text: string): ImportedTimeline {
  let root: unknown;
  try {
    root = JSON.parse(text);
  } catch (error) {
    invalid(`it is not JSON (${(error as Error).message})`);
  }
  const notCarried: string[] = [];
  if (schemaOf(root) === 'SerializableCollection' && isObject(root) && Array.isArray(root.children)) {
    const timelines = root.children.filter((child) => schemaOf(child) === 'Timeline');
    if (timelines.length === 0) invalid('the collection holds no Timeline');
    if (timelines.length > 1)
      notCarried.push(
        `${timelines.length - 1} further timeline(s) in the collection (only the first was imported)`,
      );
    root = timelines[0];
  }
  if (schemaOf(root) !== 'Timeline' || !isObject(root)) invalid('the top object is not a Timeline');
  if (schemaOf(root.tracks) !== 'Stack' || !isObject(root.tracks)) invalid('Timeline.tracks is not a Stack');

  const ours =
    isObject(root.metadata) && isObject(root.metadata[otioNamespace]) ? root.metadata[otioNamespace] : null;
  const exactRate =
    ours && isObject(ours.rate) && typeof ours.rate.num === 'number' && typeof ours.rate.den === 'number'
      ? { num: ours.rate.num, den: ours.rate.den }
      : null;
  const timelineRate: Rational = exactRate ?? rateFromFloat(guessRate(root));
  const reader = new OtioReader(timelineRate, notCarried);

  const stack = root.tracks;
  const videoTracks: ImportedTrack[] = [];
  const audioTracks: ImportedTrack[] = [];
  const markers: ImportedMarker[] = reader.markersOf(stack, 0, null);
  for (const child of Array.isArray(stack.children) ? stack.children : []) {
    reader.collectTracks(child, videoTracks, audioTracks, markers);
  }
  if (videoTracks.length === 0 && audioTracks.length === 0) invalid('the timeline has no tracks');
  return {
    name: typeof root.name === 'string' && root.name ? root.name : 'Imported timeline',
    rate: timelineRate,
    videoTracks,
    audioTracks,
    markers,
    notCarried,
  };
}

/** The rate of the first duration found, for files that do not carry our exact rate. */
function guessRate(timeline: Json): number {
  const start = timeline.global_start_time;
  if (isObject(start) && typeof start.rate === 'number' && start.rate > 0) return start.rate;
  const stackChildren =
    isObject(timeline.tracks) && Array.isArray(timeline.tracks.children) ? timeline.tracks.children : [];
  for (const track of stackChildren) {
    for (const item of isObject(track) && Array.isArray(track.children) ? track.children : []) {
      const range = isObject(item) ? item.source_range : null;
      if (isObject(range) && isObject(range.duration) && typeof range.duration.rate === 'number')
        return range.duration.rate;
    }
  }
  return 24;
}

class OtioReader {
  constructor(
    private readonly rate: Rational,
    private readonly notCarried: string[],
  ) {}

  /** A time as frames at the timeline rate, noting values that do not land on a frame. */
  frames(time: Time, where: string): number {
    const exact = (time.value * this.rate.num) / (this.rate.den * time.rate);
    const rounded = Math.round(exact);
    if (Math.abs(exact - rounded) > 1e-6)
      this.notCarried.push(
        `${where}: ${time.value}@${time.rate} is not a whole frame at the timeline rate (rounded to frame ${rounded})`,
      );
    return rounded;
  }

  collectTracks(
    node: unknown,
    videoTracks: ImportedTrack[],
    audioTracks: ImportedTrack[],
    markers: ImportedMarker[],
  ): void {
    const schema = schemaOf(node);
    if (schema === 'Stack' && isObject(node)) {
      for (const child of Array.isArray(node.children) ? node.children : [])
        this.collectTracks(child, videoTracks, audioTracks, markers);
      return;
    }
    if (schema !== 'Track' || !isObject(node)) {
      this.notCarried.push(`a top-level ${schema || 'unknown object'} that is not a track`);
      return;
    }
    const kind: Kind = node.kind === 'Audio' ? 'Audio' : 'Video';
    const name =
      typeof node.name === 'string' && node.name
        ? node.name
        : `${kind === 'Video' ? 'V' : 'A'}${(kind === 'Video' ? videoTracks : audioTracks).length + 1}`;
    markers.push(...this.markersOf(node, 0, null));
    const items = this.itemsOfTrack(node, kind, markers, 0, name);
    (kind === 'Video' ? videoTracks : audioTracks).push({ name, items });
  }

  itemsOfTrack(
    track: Json,
    kind: Kind,
    markers: ImportedMarker[],
    offsetFrames: number,
    where: string,
  ): ImportedItem[] {
    const items: ImportedItem[] = [];
    const children = Array.isArray(track.children) ? track.children : [];
    children.forEach((child, index) => {
      const here = `${where} item ${index + 1}`;
      const schema = schemaOf(child);
      if (!isObject(child)) return;
      const startFrame = offsetFrames + itemsLength(items);
      if (schema === 'Gap') {
        const range = readRange(child.source_range, `${here}.source_range`);
        const duration = range ? this.frames(range.duration, here) : 0;
        if (duration > 0) items.push({ type: 'gap', durationFrames: duration });
      } else if (schema === 'Transition') {
        const before = this.frames(readTime(child.in_offset, `${here}.in_offset`), here);
        const after = this.frames(readTime(child.out_offset, `${here}.out_offset`), here);
        if (before !== Math.floor((before + after) / 2))
          this.notCarried.push(`${here}: transition offsets ${before}/${after} re-centred on the cut`);
        items.push({
          type: 'transition',
          kind: this.transitionKind(child, here),
          durationFrames: before + after,
        });
      } else if (schema === 'Clip') {
        const clip = this.clip(child, here, startFrame, markers);
        if (clip) items.push(clip);
      } else if (schema === 'Stack' || schema === 'Track') {
        items.push(...this.nested(child, schema, kind, here));
      } else {
        this.notCarried.push(`${here}: ${schema || 'unknown object'} is not supported`);
      }
      if (Array.isArray(child.effects) && child.effects.length > 0)
        this.notCarried.push(
          `${here}: ${child.effects.length} effect(s) (speed changes and effects are not imported)`,
        );
    });
    return items;
  }

  nested(node: Json, schema: string, kind: Kind, where: string): ImportedItem[] {
    const range = readRange(node.source_range, `${where}.source_range`);
    let inner: ImportedItem[];
    if (schema === 'Track') {
      inner = this.itemsOfTrack(node, kind, [], 0, where);
    } else {
      const tracks = (Array.isArray(node.children) ? node.children : []).filter(
        (track): track is Json =>
          schemaOf(track) === 'Track' &&
          isObject(track) &&
          (track.kind === 'Audio' ? 'Audio' : 'Video') === kind,
      );
      const contents = tracks.map((track, index) =>
        this.itemsOfTrack(track, kind, [], 0, `${where} track ${index + 1}`),
      );
      if (contents.length === 0) inner = [];
      else if (contents.length === 1 || kind === 'Audio') {
        inner = contents[0]!;
        if (contents.length > 1)
          this.notCarried.push(
            `${where}: nested stack with ${contents.length} audio tracks (only the first was kept)`,
          );
      } else {
        const transitions = contents.flat().filter((item) => item.type === 'transition').length;
        inner = flattenTopmost(contents, this.rate);
        if (transitions > 0)
          this.notCarried.push(
            `${where}: ${transitions} transition(s) inside a nested stack of ${contents.length} tracks (flattened to cuts)`,
          );
      }
    }
    const start = range ? this.frames(range.start, where) : 0;
    const duration = range ? this.frames(range.duration, where) : itemsLength(inner);
    const sliced = sliceItems(inner, start, duration, this.rate);
    if (sliced.droppedTransitions > 0)
      this.notCarried.push(
        `${where}: ${sliced.droppedTransitions} transition(s) at the edges of a nested ${schema.toLowerCase()}`,
      );
    return sliced.items;
  }

  clip(node: Json, where: string, startFrame: number, markers: ImportedMarker[]): ImportedClip | null {
    const reference = this.activeReference(node, where);
    const available = reference ? readRange(reference.available_range, `${where}.available_range`) : null;
    const range = readRange(node.source_range, `${where}.source_range`) ?? available;
    if (!range) {
      this.notCarried.push(`${where}: a clip with no source range and no available range`);
      return null;
    }
    const durationFrames = this.frames(range.duration, where);
    if (durationFrames <= 0) return null;
    const sourceRate = rateFromFloat(range.start.rate);
    const sourceStart = Math.round(range.start.value);
    if (Math.abs(sourceStart - range.start.value) > 1e-6)
      this.notCarried.push(`${where}: source start ${range.start.value} rounded to ${sourceStart}`);
    const ours =
      isObject(node.metadata) && isObject(node.metadata[otioNamespace]) ? node.metadata[otioNamespace] : {};
    for (const marker of this.markersOf(node, startFrame, range.start)) markers.push(marker);
    return {
      type: 'clip',
      name: typeof node.name === 'string' ? node.name : '',
      mediaPath:
        reference && typeof reference.target_url === 'string' ? pathFromUrl(reference.target_url) : null,
      sourceStart,
      sourceRate,
      durationFrames,
      gainDb: typeof ours.gainDb === 'number' ? ours.gainDb : 0,
      volumeKeyframes: Array.isArray(ours.volumeKeyframes)
        ? (ours.volumeKeyframes as Array<{ frame: number; value: number }>).filter(
            (key) => Number.isInteger(key.frame) && typeof key.value === 'number',
          )
        : [],
      markers: [],
      metadata: ours,
    };
  }

  activeReference(node: Json, where: string): Json | null {
    let reference: unknown = node.media_reference;
    if (isObject(node.media_references)) {
      const key =
        typeof node.active_media_reference_key === 'string'
          ? node.active_media_reference_key
          : 'DEFAULT_MEDIA';
      reference = node.media_references[key];
    }
    const schema = schemaOf(reference);
    if (schema === 'ExternalReference' && isObject(reference)) return reference;
    if (schema === 'MissingReference' || reference === undefined || reference === null) {
      this.notCarried.push(`${where}: the clip names no media (MissingReference)`);
    } else {
      this.notCarried.push(`${where}: ${schema} media references are not supported`);
    }
    return isObject(reference) ? reference : null;
  }

  transitionKind(node: Json, where: string): TransitionKind {
    const ours =
      isObject(node.metadata) && isObject(node.metadata[otioNamespace]) ? node.metadata[otioNamespace] : {};
    if (typeof ours.kind === 'string' && transitionKinds.has(ours.kind as TransitionKind))
      return ours.kind as TransitionKind;
    if (node.transition_type !== 'SMPTE_Dissolve')
      this.notCarried.push(
        `${where}: transition type ${String(node.transition_type)} imported as a dissolve`,
      );
    return 'dissolve';
  }

  /** Markers of an item, placed on the timeline (clip markers are in the clip's source time). */
  markersOf(node: Json, itemStartFrame: number, sourceStart: Time | null): ImportedMarker[] {
    if (!Array.isArray(node.markers)) return [];
    return node.markers.flatMap((marker, index) => {
      if (!isObject(marker)) return [];
      const range = readRange(marker.marked_range, `marker ${index + 1}`);
      if (!range) return [];
      const offset = sourceStart
        ? rescale(
            Math.round(range.start.value - sourceStart.value * (range.start.rate / sourceStart.rate)),
            rateFromFloat(range.start.rate),
            this.rate,
            'round',
          )
        : this.frames(range.start, `marker ${index + 1}`);
      return [
        {
          frame: Math.max(0, itemStartFrame + offset),
          durationFrames: Math.max(0, this.frames(range.duration, `marker ${index + 1}`)),
          name: typeof marker.name === 'string' ? marker.name : '',
          color: colorNames[String(marker.color).toUpperCase()] ?? 'blue',
        },
      ];
    });
  }
}
