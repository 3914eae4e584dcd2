import type { Rational } from '../time/rational';
import { newId } from './ids';
import { newTrack } from './newTrack';
import { currentSchemaVersion, type Project } from './schema/project';
import type { Sequence } from './schema/sequence';

export interface NewProjectOptions {
  name: string;
  rate?: Rational;
  width?: number;
  height?: number;
  sampleRate?: number;
  now?: Date;
}

/** An empty sequence with one video track (V1) and two audio tracks (A1 dialogue, A2 music). */
export function newSequence(
  name: string,
  settings: { rate: Rational; width: number; height: number; sampleRate: number },
): Sequence {
  return {
    id: newId('seq'),
    name,
    rate: settings.rate,
    width: settings.width,
    height: settings.height,
    sampleRate: settings.sampleRate,
    videoTracks: [newTrack({ kind: 'video', name: 'V1' })],
    audioTracks: [
      newTrack({ kind: 'audio', name: 'A1', role: 'dialogue' }),
      newTrack({ kind: 'audio', name: 'A2', role: 'music' }),
    ],
    markers: [],
    inFrame: null,
    outFrame: null,
    ducking: { enabled: false, amountDb: -12 },
  };
}

/** A new, valid, empty project with one sequence. */
export function newProject(options: NewProjectOptions): Project {
  const rate = options.rate ?? { num: 24, den: 1 };
  const width = options.width ?? 1920;
  const height = options.height ?? 1080;
  const sampleRate = options.sampleRate ?? 48000;
  const sequence = newSequence('Sequence 1', { rate, width, height, sampleRate });
  return {
    schemaVersion: currentSchemaVersion,
    id: newId('prj'),
    name: options.name,
    createdAt: (options.now ?? new Date()).toISOString(),
    settings: {
      defaultRate: rate,
      defaultWidth: width,
      defaultHeight: height,
      defaultSampleRate: sampleRate,
      budgetCents: null,
    },
    assets: {},
    references: {},
    shots: {},
    shotOrder: [],
    takes: {},
    sequences: { [sequence.id]: sequence },
    sequenceOrder: [sequence.id],
    ledger: [],
  };
}
