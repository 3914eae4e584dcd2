import { AppError } from '../../contract/appError';
import type { TransitionKind } from '../../model/schema/sequence';
import type { Rational } from '../../time/rational';
import type { ImportedClip, ImportedItem, ImportedTimeline } from '../importedTimeline';
import { placementsToItems, type Placement } from '../placementsToItems';
import { timecodeToFrames } from '../../time/timecode';

interface EdlLine {
  event: number;
  reel: string;
  channels: string;
  type: string;
  durationFrames: number | null;
  sourceIn: number;
  sourceOut: number;
  recordIn: number;
  recordOut: number;
}

interface EdlEvent {
  lines: EdlLine[];
  clipNames: string[];
  sourceFile: string | null;
}

const eventPattern =
  /^(\d{1,6})\s+(\S+)\s+(\S+)\s+(C|D|W\d{3}|K[BO]?|K\d{3})\s+(?:(\d{1,3})\s+)?(\S+)\s+(\S+)\s+(\S+)\s+(\S+)\s*$/;

function invalid(message: string): never {
  throw new AppError('INTERCHANGE_INVALID', `This EDL cannot be read: ${message}`);
}

function parse(
  text: string,
  rate: Rational,
  dropFrame: boolean,
  notCarried: string[],
): { title: string; events: EdlEvent[] } {
  let title = 'Imported EDL';
  const events: EdlEvent[] = [];
  text.split(/\r?\n/).forEach((raw, index) => {
    const row = raw.trim();
    if (row === '') return;
    if (row.startsWith('TITLE:')) {
      title = row.slice(6).trim() || title;
      return;
    }
    if (row.startsWith('FCM:')) return;
    const current = events[events.length - 1];
    if (row.startsWith('*')) {
      const comment = row.slice(1).trim();
      const clipName = /^(?:FROM|TO) CLIP NAME:\s*(.*)$/i.exec(comment);
      const sourceFile = /^SOURCE FILE:\s*(.*)$/i.exec(comment);
      if (clipName && current) current.clipNames.push(clipName[1]!.trim());
      else if (sourceFile && current) current.sourceFile = sourceFile[1]!.trim();
      return;
    }
    if (/^M2\s/.test(row)) {
      notCarried.push(`line ${index + 1}: a speed change (M2) was not imported`);
      return;
    }
    const match = eventPattern.exec(row);
    if (!match) {
      notCarried.push(`line ${index + 1}: "${row.slice(0, 60)}" is not an event line`);
      return;
    }
    const times = match.slice(6, 10).map((value) => timecodeToFrames(value, rate, { dropFrame }));
    if (times.some((value) => value === null))
      invalid(`line ${index + 1} has a timecode that does not fit the rate`);
    const [sourceIn, sourceOut, recordIn, recordOut] = times as [number, number, number, number];
    const entry: EdlLine = {
      event: Number(match[1]),
      reel: match[2]!,
      channels: match[3]!,
      type: match[4]!,
      durationFrames: match[5] === undefined ? null : Number(match[5]),
      sourceIn,
      sourceOut,
      recordIn,
      recordOut,
    };
    if (current && current.lines[0]!.event === entry.event) current.lines.push(entry);
    else events.push({ lines: [entry], clipNames: [], sourceFile: null });
  });
  if (events.length === 0) invalid('it holds no events');
  return { title, events };
}

function transitionKind(type: string, notCarried: string[], where: string): TransitionKind {
  if (type === 'D') return 'dissolve';
  if (type.startsWith('W')) {
    if (type !== 'W001') notCarried.push(`${where}: wipe pattern ${type} imported as a left wipe`);
    return 'wipeLeft';
  }
  notCarried.push(`${where}: key effect ${type} imported as a dissolve`);
  return 'dissolve';
}

/**
 * Reads a CMX 3600 EDL. EDLs state no frame rate: drop-frame files are 29.97 (59.94 when frame
 * numbers reach 30), others take `defaultRate`. Record times are taken from the hour of the first
 * event; source timecode is read as the position in the media file.
 */
export function importEdl(text: string, defaultRate: Rational): ImportedTimeline {
  const notCarried: string[] = [];
  const dropFrame = /^FCM:\s*DROP FRAME/im.test(text);
  const highFrameNumbers = /\d{2}:\d{2}:\d{2}[;:.,]([3-5]\d)\b/.test(text);
  const rate: Rational = dropFrame
    ? highFrameNumbers
      ? { num: 60000, den: 1001 }
      : { num: 30000, den: 1001 }
    : defaultRate;
  const { title, events } = parse(text, rate, dropFrame, notCarried);
  const firstRecord = Math.min(...events.flatMap((event) => event.lines.map((entry) => entry.recordIn)));
  const hour = timecodeToFrames('01:00:00:00', rate, { dropFrame }) ?? 1;
  const origin = Math.floor(firstRecord / hour) * hour;

  const video: ImportedItem[] = [];
  const audio: Placement[] = [];
  let recordCursor = 0;
  const clipFrom = (event: EdlEvent, entry: EdlLine, nameIndex: number): ImportedClip => ({
    type: 'clip',
    name: event.clipNames[nameIndex] ?? entry.reel,
    mediaPath: event.sourceFile ?? event.clipNames[nameIndex] ?? entry.reel,
    sourceStart: entry.sourceIn,
    sourceRate: rate,
    durationFrames: entry.recordOut - entry.recordIn,
    gainDb: 0,
    volumeKeyframes: [],
    markers: [],
    metadata: { reel: entry.reel },
  });

  for (const event of events) {
    const where = `event ${event.lines[0]!.event}`;
    const last = event.lines[event.lines.length - 1]!;
    const isVideo = /V|B/.test(last.channels);
    if (!isVideo) {
      const clip = clipFrom(event, last, 0);
      if (clip.durationFrames > 0) audio.push({ startFrame: last.recordIn - origin, clip });
      continue;
    }
    const recordIn = last.recordIn - origin;
    if (last.type === 'C') {
      if (recordIn > recordCursor) video.push({ type: 'gap', durationFrames: recordIn - recordCursor });
      if (recordIn < recordCursor) notCarried.push(`${where}: overlaps the previous event (trimmed)`);
      const clip = clipFrom(event, last, event.clipNames.length - 1);
      const overlap = Math.max(0, recordCursor - recordIn);
      if (clip.durationFrames - overlap > 0)
        video.push({
          ...clip,
          sourceStart: clip.sourceStart + overlap,
          durationFrames: clip.durationFrames - overlap,
        });
      recordCursor = Math.max(recordCursor, last.recordOut - origin);
      continue;
    }
    // A transition: the outgoing clip (first line, zero length) dissolves into the incoming one.
    const durationFrames = last.durationFrames ?? 0;
    const previous = video[video.length - 1];
    if (
      event.lines.length < 2 ||
      previous?.type !== 'clip' ||
      recordIn !== recordCursor ||
      durationFrames <= 0
    ) {
      notCarried.push(
        `${where}: a ${last.type} transition without a clip right before it was imported as a cut`,
      );
      if (recordIn > recordCursor) video.push({ type: 'gap', durationFrames: recordIn - recordCursor });
      video.push(clipFrom(event, last, event.clipNames.length - 1));
      recordCursor = last.recordOut - origin;
      continue;
    }
    const before = Math.floor(durationFrames / 2);
    previous.durationFrames += before;
    const incoming = clipFrom(event, last, event.clipNames.length - 1);
    video.push({ type: 'transition', kind: transitionKind(last.type, notCarried, where), durationFrames });
    video.push({
      ...incoming,
      sourceStart: incoming.sourceStart + before,
      durationFrames: incoming.durationFrames - before,
    });
    recordCursor = last.recordOut - origin;
  }
  const audioItems = placementsToItems(audio);
  if (audioItems.overlapsDropped > 0)
    notCarried.push(`${audioItems.overlapsDropped} overlapping audio-only event(s) dropped`);
  return {
    name: title,
    rate,
    videoTracks: [{ name: 'V1', items: video }],
    audioTracks: audio.length > 0 ? [{ name: 'A1', items: audioItems.items }] : [],
    markers: [],
    notCarried,
  };
}
