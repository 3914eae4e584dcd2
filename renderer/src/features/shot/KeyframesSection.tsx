import { useState } from 'react';
import { findModel } from '../../../../common/catalog';
import type { Project } from '../../../../common/model';
import { FrameGrabDialog } from './FrameGrabDialog';
import { KeyframeSlot, slotLabels, type SlotName } from './KeyframeSlot';
import type { ShotEditor } from './useShotEditor';

/** The first / (middle) / last keyframe slots of a shot and the frame grabber they share. */
export function KeyframesSection({ editor, document }: { editor: ShotEditor; document: Project }) {
  const { shot, update } = editor;
  const [grab, setGrab] = useState<{ slot: SlotName; from: string | null } | null>(null);
  const model = findModel(shot.model.provider, shot.model.model);
  const takesMiddle = model?.modes.includes('middleKeyframe') ?? false;
  const takesLast = model?.modes.includes('firstLastFrame') ?? false;
  const slots: SlotName[] =
    takesMiddle || shot.keyframes.middle ? ['first', 'middle', 'last'] : ['first', 'last'];

  const set = (slot: SlotName, assetId: string | null) =>
    void update({ keyframes: { ...shot.keyframes, [slot]: assetId } });

  const reason = (slot: SlotName): string | null => {
    if (slot === 'last' && !takesLast) return `${model?.label ?? 'This model'} takes no last frame.`;
    if (slot === 'middle' && !takesMiddle) return `${model?.label ?? 'This model'} takes no middle frame.`;
    return null;
  };

  return (
    <section className="inspector-section" aria-label="Keyframes">
      <h3 className="section-heading">Keyframes</h3>
      <div className={`keyframe-slots slots-${slots.length}`}>
        {slots.map((slot) => (
          <KeyframeSlot
            key={slot}
            slot={slot}
            assetId={shot.keyframes[slot]}
            document={document}
            disabledReason={reason(slot)}
            onSet={(assetId) => set(slot, assetId)}
            onGrab={(from) => setGrab({ slot, from })}
          />
        ))}
      </div>
      {grab && (
        <FrameGrabDialog
          open
          document={document}
          initialAssetId={grab.from}
          slotLabel={slotLabels[grab.slot]}
          onClose={() => setGrab(null)}
          onGrabbed={(stillId) => {
            set(grab.slot, stillId);
            setGrab(null);
          }}
        />
      )}
    </section>
  );
}
