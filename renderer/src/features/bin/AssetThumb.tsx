import { useState, type MouseEvent } from 'react';
import { Icon, type IconName } from '../../components/Icon';
import { useFilmstrip, useThumbnail } from './thumbnails';

const placeholderIcons: Record<string, IconName> = {
  video: 'film',
  image: 'image',
  audio: 'audio',
  shot: 'sparkle',
};

/**
 * An asset's poster frame; moving the pointer across a video scrubs through its filmstrip (loaded
 * on first hover). Audio shows a waveform glyph, missing media a warning.
 */
export function AssetThumb({
  assetId,
  kind,
  durationSeconds,
}: {
  assetId: string | null;
  kind: string;
  durationSeconds: number | null;
}) {
  const [hoverFraction, setHoverFraction] = useState<number | null>(null);
  const scrubbable = assetId !== null && (kind === 'video' || kind === 'shot') && (durationSeconds ?? 0) > 0;
  const poster = useThumbnail(kind === 'audio' ? null : assetId, 120);
  const filmstrip = useFilmstrip(scrubbable && hoverFraction !== null ? assetId : null);

  const onMove = (event: MouseEvent<HTMLDivElement>) => {
    if (!scrubbable) return;
    const box = event.currentTarget.getBoundingClientRect();
    setHoverFraction(Math.min(0.999, Math.max(0, (event.clientX - box.left) / box.width)));
  };

  const cell = hoverFraction !== null && filmstrip ? Math.floor(hoverFraction * filmstrip.frames) : null;

  return (
    <div
      className={`asset-thumb asset-thumb-${kind}`}
      onMouseMove={onMove}
      onMouseLeave={() => setHoverFraction(null)}
    >
      {cell !== null && filmstrip ? (
        <div
          className="filmstrip-cell"
          data-testid="scrub-frame"
          data-frame={filmstrip.sourceFrames[cell] ?? 0}
          style={{
            backgroundImage: `url("${filmstrip.url}")`,
            backgroundSize: `${filmstrip.frames * 100}% 100%`,
            backgroundPosition: `${filmstrip.frames > 1 ? (cell / (filmstrip.frames - 1)) * 100 : 0}% 0`,
          }}
        />
      ) : poster ? (
        <img src={poster} alt="" draggable={false} loading="lazy" decoding="async" />
      ) : (
        <Icon
          name={assetId === null && kind !== 'shot' ? 'warning' : (placeholderIcons[kind] ?? 'film')}
          size={22}
        />
      )}
      {hoverFraction !== null && scrubbable && (
        <span className="scrub-line" style={{ left: `${hoverFraction * 100}%` }} />
      )}
    </div>
  );
}
