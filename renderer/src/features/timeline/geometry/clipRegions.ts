export interface Rect {
  x: number;
  y: number;
  width: number;
  height: number;
}

export interface ClipRegions {
  /** The whole clip. */
  box: Rect;
  /** The name strip along the top. */
  header: Rect;
  /** Thumbnails (video clips), null for audio clips. */
  picture: Rect | null;
  /** Waveform and volume line: audio clips, and the sound of video clips with audio. */
  sound: Rect | null;
}

export const clipHeaderPx = 15;

/** Splits a clip's box into its name strip, picture and sound areas. */
export function clipRegions(box: Rect, trackKind: 'video' | 'audio', hasAudio: boolean): ClipRegions {
  const header = { x: box.x, y: box.y, width: box.width, height: Math.min(clipHeaderPx, box.height) };
  const bodyTop = box.y + header.height;
  const bodyHeight = Math.max(0, box.height - header.height);
  if (trackKind === 'audio') {
    return {
      box,
      header,
      picture: null,
      sound: hasAudio ? { x: box.x, y: bodyTop, width: box.width, height: bodyHeight } : null,
    };
  }
  if (!hasAudio || bodyHeight < 36) {
    return {
      box,
      header,
      picture: { x: box.x, y: bodyTop, width: box.width, height: bodyHeight },
      sound: null,
    };
  }
  const soundHeight = Math.round(bodyHeight * 0.38);
  return {
    box,
    header,
    picture: { x: box.x, y: bodyTop, width: box.width, height: bodyHeight - soundHeight },
    sound: { x: box.x, y: bodyTop + bodyHeight - soundHeight, width: box.width, height: soundHeight },
  };
}
